package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The v1beta1 job endpoints and the run endpoints an operator reads. */
final class V1JobEndpoints {

  private static final String BASE = "/apis/v1beta1";
  private static final FilterReader FILTERS = new FilterReader("op");

  private final KfpState state;

  V1JobEndpoints(KfpState state) {
    this.state = state;
  }

  void register(Router router) {
    router
        .add("POST", BASE + "/jobs", this::create)
        .add("GET", BASE + "/jobs", this::list)
        .add("GET", BASE + "/jobs/{id}", this::get)
        .add("DELETE", BASE + "/jobs/{id}", this::delete)
        .add("POST", BASE + "/jobs/{id}/enable", request -> setEnabled(request, true))
        .add("POST", BASE + "/jobs/{id}/disable", request -> setEnabled(request, false))
        .add("GET", BASE + "/runs", this::listRuns)
        .add("GET", BASE + "/runs/{run_id}", this::getRun);
  }

  private ApiResponse create(ApiRequest request) {
    JsonObject body = state.read(WireMessages.V1_JOB, request);
    JsonObject spec = ProtoFields.object(body, "pipeline_spec");
    Map<String, String> listed = new LinkedHashMap<>();
    if (spec != null && spec.has("parameters")) {
      for (JsonElement parameter : spec.getAsJsonArray("parameters")) {
        JsonObject pair = parameter.getAsJsonObject();
        listed.put(ProtoFields.text(pair, "name"), ProtoFields.text(pair, "value"));
      }
    }
    RequestedParameters parameters =
        new RequestedParameters(
            true,
            listed,
            RequestedParameters.runtimeOf(ProtoFields.object(spec, "runtime_config")));
    String pipelineId = V1References.id(body, "PIPELINE");
    if (pipelineId.isEmpty()) {
      pipelineId = ProtoFields.text(spec, "pipeline_id");
    }
    String experimentId = V1References.id(body, "EXPERIMENT");
    String versionId = V1References.id(body, "PIPELINE_VERSION");
    boolean enabled =
        ProtoFields.bool(body, "enabled") || "ENABLED".equals(ProtoFields.text(body, "mode"));
    RecurringRunDraft draft =
        new RecurringRunDraft(
            ProtoFields.text(body, "name"),
            ProtoFields.text(body, "description"),
            experimentId.isEmpty() ? null : experimentId,
            pipelineId.isEmpty() ? null : pipelineId,
            versionId.isEmpty() ? null : versionId,
            true,
            parameters,
            TriggerReader.read(ProtoFields.object(body, "trigger")),
            ProtoFields.int64(body, "max_concurrency"),
            ProtoFields.bool(body, "no_catchup"),
            enabled,
            ProtoFields.text(body, "service_account"));
    return ApiResponse.ok(shape(state.recurringRunIntake().create(draft)));
  }

  private ApiResponse list(ApiRequest request) {
    ListPage<StoredRecurringRun> page =
        ListPage.of(
            scoped(
                state.recurringRuns().all(),
                request,
                r -> r.namespace(),
                r -> r.experimentId(),
                r -> r.id(),
                true),
            ListRequest.from(request, FILTERS),
            ListFields.recurringRuns(state.release()));
    return ApiResponse.ok(page.toJson("jobs", this::shape));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(shape(state.recurringRuns().get(request.pathVariable("id"))));
  }

  private ApiResponse delete(ApiRequest request) {
    state.recurringRuns().remove(request.pathVariable("id"));
    return ApiResponse.empty();
  }

  private ApiResponse setEnabled(ApiRequest request, boolean enabled) {
    state
        .recurringRuns()
        .update(request.pathVariable("id"), r -> r.withEnabled(enabled, state.clock().instant()));
    return ApiResponse.empty();
  }

  private ApiResponse listRuns(ApiRequest request) {
    ListRequest listing = ListRequest.from(request, FILTERS);
    ListFields.refuseMissingColumns(state.release(), listing);
    ListPage<StoredRun> page =
        ListPage.of(
            scoped(
                state.runs().all(),
                request,
                StoredRun::namespace,
                StoredRun::experimentId,
                StoredRun::recurringRunId,
                state.release().listsRunsOfAJob()),
            listing,
            ListFields.runs(state.release()));
    return ApiResponse.ok(
        page.toJson(
            "runs",
            run -> V1Shapes.run(run, state.argo(run.pipelineId(), run.pipelineVersionId()))));
  }

  private ApiResponse getRun(ApiRequest request) {
    StoredRun run = state.runs().get(request.pathVariable("run_id"));
    return ApiResponse.ok(
        V1Shapes.runDetail(run, state.argo(run.pipelineId(), run.pipelineVersionId())));
  }

  private JsonObject shape(StoredRecurringRun job) {
    return V1Shapes.job(job, state.argo(job.pipelineId(), job.pipelineVersionId()));
  }

  /**
   * Keeps the rows the {@code resource_reference_key} names: a namespace, experiment or job; a JOB
   * key is ignored unless {@code scopesByJob} (see {@link ReleaseProfile#listsRunsOfAJob()}).
   */
  private static <T> List<T> scoped(
      List<T> rows,
      ApiRequest request,
      Function<T, String> namespace,
      Function<T, String> experimentId,
      Function<T, String> jobId,
      boolean scopesByJob) {
    String type = request.queryParameter("resource_reference_key.type").orElse("");
    String id = request.queryParameter("resource_reference_key.id").orElse("");
    Function<T, String> field =
        switch (type) {
          case "" -> null;
          case "NAMESPACE" -> namespace;
          case "EXPERIMENT" -> experimentId;
          case "JOB" -> scopesByJob ? jobId : null;
          default -> throw KfpError.invalidArgument("Invalid resource reference key type: " + type);
        };
    return field == null ? rows : rows.stream().filter(row -> id.equals(field.apply(row))).toList();
  }
}
