package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import java.util.Map;

/** The v2beta1 recurring-run endpoints. */
final class V2RecurringRunEndpoints {

  private static final String BASE = "/apis/v2beta1/recurringruns";
  private static final FilterReader FILTERS = new FilterReader("operation");

  private final KfpState state;

  V2RecurringRunEndpoints(KfpState state) {
    this.state = state;
  }

  void register(Router router) {
    router
        .add("POST", BASE, this::create)
        .add("GET", BASE, this::list)
        .add("GET", BASE + "/{recurring_run_id}", this::get)
        .add("DELETE", BASE + "/{recurring_run_id}", this::delete)
        .add("POST", BASE + "/{recurring_run_id}:enable", request -> setEnabled(request, true))
        .add("POST", BASE + "/{recurring_run_id}:disable", request -> setEnabled(request, false));
  }

  private ApiResponse create(ApiRequest request) {
    JsonObject body = state.read(WireMessages.V2_RECURRING_RUN, request);
    JsonObject reference = ProtoFields.object(body, "pipeline_version_reference");
    String versionId = ProtoFields.id(reference, "pipeline_version_id");
    RecurringRunDraft draft =
        new RecurringRunDraft(
            ProtoFields.text(body, "display_name"),
            ProtoFields.text(body, "description"),
            ProtoFields.id(body, "experiment_id"),
            ProtoFields.id(reference, "pipeline_id"),
            versionId != null ? versionId : ProtoFields.id(body, "pipeline_version_id"),
            false,
            new RequestedParameters(
                false,
                Map.of(),
                RequestedParameters.runtimeOf(ProtoFields.object(body, "runtime_config"))),
            TriggerReader.read(ProtoFields.object(body, "trigger")),
            ProtoFields.int64(body, "max_concurrency"),
            ProtoFields.bool(body, "no_catchup"),
            "ENABLE".equals(ProtoFields.text(body, "mode"))
                || "1".equals(ProtoFields.text(body, "mode")),
            ProtoFields.text(body, "service_account"));
    return ApiResponse.ok(V2Shapes.recurringRun(state.recurringRunIntake().create(draft)));
  }

  private ApiResponse list(ApiRequest request) {
    ListPage<StoredRecurringRun> page =
        ListPage.of(
            V2Scope.rows(
                state.recurringRuns().all(),
                request,
                StoredRecurringRun::namespace,
                StoredRecurringRun::experimentId),
            ListRequest.from(request, FILTERS),
            ListFields.RECURRING_RUNS);
    return ApiResponse.ok(page.toJson("recurringRuns", V2Shapes::recurringRun));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(
        V2Shapes.recurringRun(state.recurringRuns().get(request.pathVariable("recurring_run_id"))));
  }

  private ApiResponse delete(ApiRequest request) {
    state.recurringRuns().remove(request.pathVariable("recurring_run_id"));
    return ApiResponse.empty();
  }

  private ApiResponse setEnabled(ApiRequest request, boolean enabled) {
    state
        .recurringRuns()
        .update(
            request.pathVariable("recurring_run_id"),
            r -> r.withEnabled(enabled, state.clock().instant()));
    return ApiResponse.empty();
  }
}
