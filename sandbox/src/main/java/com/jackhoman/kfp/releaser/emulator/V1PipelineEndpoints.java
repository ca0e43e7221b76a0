package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;

/**
 * The v1beta1 pipeline and pipeline-version endpoints, uploads included; a v1 pipeline always shows
 * its latest version as {@code default_version}.
 */
final class V1PipelineEndpoints {

  private static final String BASE = "/apis/v1beta1";
  private static final FilterReader FILTERS = new FilterReader("op");

  private final KfpState state;

  V1PipelineEndpoints(KfpState state) {
    this.state = state;
  }

  void register(Router router) {
    router
        .addUpload(BASE + "/pipelines/upload", this::upload)
        .addUpload(BASE + "/pipelines/upload_version", this::uploadVersion)
        .add("GET", BASE + "/pipelines", this::list)
        .add("GET", BASE + "/namespaces/{namespace}/pipelines/{name}", this::getByName)
        .add("GET", BASE + "/pipelines/{id}", this::get)
        .add("DELETE", BASE + "/pipelines/{id}", this::delete)
        .add(
            "POST",
            BASE + "/pipelines/{pipeline_id}/default_version/{version_id}",
            request -> ApiResponse.empty())
        .add("GET", BASE + "/pipeline_versions", this::listVersions)
        .add("GET", BASE + "/pipeline_versions/{version_id}", this::getVersion)
        .add("DELETE", BASE + "/pipeline_versions/{version_id}", this::deleteVersion);
  }

  private ApiResponse upload(ApiRequest request) {
    return ApiResponse.ok(
        shape(state.pipelineIntake().upload(request, UploadNaming.of(request, state.release()))));
  }

  private ApiResponse uploadVersion(ApiRequest request) {
    return ApiResponse.ok(
        V1Shapes.version(
            state
                .pipelineIntake()
                .uploadVersion(request, UploadNaming.of(request, state.release()))));
  }

  private ApiResponse list(ApiRequest request) {
    String type = request.queryParameter("resource_reference_key.type").orElse("");
    if (!type.isEmpty() && !type.equals("NAMESPACE")) {
      throw KfpError.invalidArgument("Invalid resource reference key type: " + type);
    }
    String namespace =
        state.multiUser() ? request.queryParameter("resource_reference_key.id").orElse("") : "";
    ListPage<StoredPipeline> page =
        ListPage.of(
            state.pipelines().pipelines().stream()
                .filter(p -> p.namespace().equals(namespace))
                .toList(),
            ListRequest.from(request, FILTERS),
            ListFields.PIPELINES);
    return ApiResponse.ok(page.toJson("pipelines", this::listed));
  }

  private ApiResponse getByName(ApiRequest request) {
    String namespace = state.multiUser() ? request.pathVariable("namespace") : null;
    return ApiResponse.ok(
        shape(state.pipelines().pipelineByName(namespace, request.pathVariable("name"))));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(shape(state.pipelines().pipeline(request.pathVariable("id"))));
  }

  private ApiResponse delete(ApiRequest request) {
    PipelineDeletion.delete(
        state,
        request.pathVariable("id"),
        "pipeline (v1beta1)",
        state.release().v1DeleteTakesVersions());
    return ApiResponse.empty();
  }

  private ApiResponse listVersions(ApiRequest request) {
    String type = request.queryParameter("resource_key.type").orElse("");
    String pipelineId = request.queryParameter("resource_key.id").orElse("");
    if (!type.equals("PIPELINE") || pipelineId.isEmpty()) {
      throw KfpError.invalidArgument(
          "Invalid input error: ResourceKey must be set and its type must be PIPELINE");
    }
    ListPage<StoredVersion> page =
        ListPage.of(
            state.pipelines().versionsOf(pipelineId),
            ListRequest.from(request, FILTERS),
            ListFields.VERSIONS);
    return ApiResponse.ok(page.toJson("versions", V1Shapes::version));
  }

  private ApiResponse getVersion(ApiRequest request) {
    return ApiResponse.ok(
        V1Shapes.version(state.pipelines().version(request.pathVariable("version_id"))));
  }

  private ApiResponse deleteVersion(ApiRequest request) {
    state.pipelines().deleteVersion(request.pathVariable("version_id"));
    return ApiResponse.empty();
  }

  /** A v1 pipeline; 404 when it has no version, as 2.x answers. */
  private JsonObject shape(StoredPipeline pipeline) {
    StoredVersion latest =
        state
            .pipelines()
            .latestVersion(pipeline.id())
            .orElseThrow(
                () ->
                    KfpError.notFound(
                        "ResourceNotFoundError: Latest version of pipeline "
                            + pipeline.id()
                            + " not found"));
    return V1Shapes.pipeline(pipeline, latest);
  }

  /**
   * A listed v1 pipeline: {@code ListPipelinesV1} joins the latest version with a LEFT JOIN ({@code
   * storage/pipeline_store.go} {@code ListPipelinesV1}), so one without a version is listed without
   * a {@code default_version}.
   */
  private JsonObject listed(StoredPipeline pipeline) {
    return V1Shapes.pipeline(pipeline, state.pipelines().latestVersion(pipeline.id()).orElse(null));
  }
}
