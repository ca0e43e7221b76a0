package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** The v2beta1 run endpoints: one-off runs created, read, listed and deleted. */
final class V2RunEndpoints {

  private static final String BASE = "/apis/v2beta1/runs";
  private static final FilterReader FILTERS = new FilterReader("operation");

  private final KfpState state;
  private final RunIntake intake;

  V2RunEndpoints(KfpState state) {
    this.state = state;
    this.intake = new RunIntake(state);
  }

  void register(Router router) {
    router
        .add("POST", BASE, this::create)
        .add("GET", BASE, this::list)
        .add("GET", BASE + "/{run_id}", this::get)
        .add("DELETE", BASE + "/{run_id}", this::delete);
  }

  private ApiResponse create(ApiRequest request) {
    JsonObject body = state.read(WireMessages.V2_RUN, request);
    JsonObject reference = ProtoFields.object(body, "pipeline_version_reference");
    String versionId = ProtoFields.id(reference, "pipeline_version_id");
    RunDraft draft =
        new RunDraft(
            ProtoFields.text(body, "display_name"),
            ProtoFields.text(body, "description"),
            ProtoFields.id(body, "experiment_id"),
            ProtoFields.id(reference, "pipeline_id"),
            versionId != null ? versionId : ProtoFields.id(body, "pipeline_version_id"),
            new RequestedParameters(
                false,
                Map.of(),
                RequestedParameters.runtimeOf(ProtoFields.object(body, "runtime_config"))),
            ProtoFields.text(body, "service_account"));
    return ApiResponse.ok(V2Shapes.run(intake.create(draft)));
  }

  private ApiResponse list(ApiRequest request) {
    List<StoredRun> runs =
        V2Scope.rows(state.runs().all(), request, StoredRun::namespace, StoredRun::experimentId);
    ListRequest listing = ListRequest.from(request, FILTERS);
    ListFields.refuseMissingColumns(state.release(), listing);
    ListPage<StoredRun> page = ListPage.of(runs, listing, ListFields.runs(state.release()));
    return ApiResponse.ok(page.toJson("runs", V2Shapes::run));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(V2Shapes.run(state.runs().get(request.pathVariable("run_id"))));
  }

  /** {@code DeleteRun}: the run's record and its workflow go; a run in flight is stopped. */
  private ApiResponse delete(ApiRequest request) {
    state.runs().remove(request.pathVariable("run_id"));
    return ApiResponse.empty();
  }
}
