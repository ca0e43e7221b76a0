package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The v2beta1 pipeline and pipeline-version endpoints, uploads included. */
final class V2PipelineEndpoints {

  private static final String BASE = "/apis/v2beta1/pipelines";
  private static final FilterReader FILTERS = new FilterReader("operation");

  private final KfpState state;

  V2PipelineEndpoints(KfpState state) {
    this.state = state;
  }

  void register(Router router) {
    router
        .addUpload(BASE + "/upload", this::upload)
        .addUpload(BASE + "/upload_version", this::uploadVersion)
        .add("POST", BASE, this::create)
        .add("GET", BASE, this::list)
        .add("GET", BASE + "/names/{name}", this::getByName)
        .add("GET", BASE + "/{pipeline_id}", this::get)
        .add("DELETE", BASE + "/{pipeline_id}", this::delete)
        .add("GET", BASE + "/{pipeline_id}/versions", this::listVersions)
        .add("GET", BASE + "/{pipeline_id}/versions/{pipeline_version_id}", this::getVersion)
        .add("DELETE", BASE + "/{pipeline_id}/versions/{pipeline_version_id}", this::deleteVersion);
  }

  private ApiResponse upload(ApiRequest request) {
    return ApiResponse.ok(
        pipeline(
            state.pipelineIntake().upload(request, UploadNaming.of(request, state.release()))));
  }

  private ApiResponse uploadVersion(ApiRequest request) {
    return ApiResponse.ok(
        version(
            state
                .pipelineIntake()
                .uploadVersion(request, UploadNaming.of(request, state.release()))));
  }

  private ApiResponse create(ApiRequest request) {
    JsonObject body = state.read(WireMessages.v2Pipeline(state.release()), request);
    Map<String, String> tags = new LinkedHashMap<>();
    if (body.has("tags")) {
      for (Map.Entry<String, JsonElement> tag : body.getAsJsonObject("tags").entrySet()) {
        tags.put(tag.getKey(), tag.getValue().getAsString());
      }
    }
    PipelineIntake.Naming naming =
        new PipelineIntake.Naming(
            ProtoFields.text(body, "name"),
            ProtoFields.text(body, "display_name"),
            ProtoFields.text(body, "description"),
            ProtoFields.text(body, "namespace"),
            "");
    return ApiResponse.ok(pipeline(state.pipelineIntake().create(naming, tags)));
  }

  private ApiResponse list(ApiRequest request) {
    String namespace = state.multiUser() ? request.queryParameter("namespace").orElse("") : "";
    ListPage<StoredPipeline> page =
        ListPage.of(
            state.pipelines().pipelines().stream()
                .filter(p -> p.namespace().equals(namespace))
                .toList(),
            ListRequest.from(request, FILTERS),
            ListFields.V2_PIPELINES);
    return ApiResponse.ok(page.toJson("pipelines", this::pipeline));
  }

  private ApiResponse getByName(ApiRequest request) {
    String namespace = state.multiUser() ? request.queryParameter("namespace").orElse(null) : null;
    return ApiResponse.ok(
        pipeline(state.pipelines().pipelineByName(namespace, request.pathVariable("name"))));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(
        pipeline(state.pipelines().pipeline(request.pathVariable("pipeline_id"))));
  }

  private ApiResponse delete(ApiRequest request) {
    boolean cascade =
        state.release().cascades()
            && request.queryParameter("cascade").map(Boolean::parseBoolean).orElse(false);
    PipelineDeletion.delete(state, request.pathVariable("pipeline_id"), "pipeline", cascade);
    return ApiResponse.empty();
  }

  private ApiResponse listVersions(ApiRequest request) {
    ListPage<StoredVersion> page =
        ListPage.of(
            state.pipelines().versionsOf(request.pathVariable("pipeline_id")),
            ListRequest.from(request, FILTERS),
            ListFields.V2_VERSIONS);
    return ApiResponse.ok(page.toJson("pipeline_versions", this::version));
  }

  private ApiResponse getVersion(ApiRequest request) {
    return ApiResponse.ok(
        version(state.pipelines().version(request.pathVariable("pipeline_version_id"))));
  }

  private ApiResponse deleteVersion(ApiRequest request) {
    state.pipelines().deleteVersion(request.pathVariable("pipeline_version_id"));
    return ApiResponse.empty();
  }

  /** A pipeline as the release's v2beta1 Pipeline message has it (no {@code name} before 2.14). */
  private JsonObject pipeline(StoredPipeline pipeline) {
    return V2Shapes.pipeline(pipeline, state.release().pipelinesHaveName());
  }

  private JsonObject version(StoredVersion version) {
    return V2Shapes.version(version, state.release().pipelinesHaveName());
  }
}
