package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;

/** The v2beta1 experiment endpoints. */
final class V2ExperimentEndpoints {

  private static final String BASE = "/apis/v2beta1/experiments";
  private static final FilterReader FILTERS = new FilterReader("operation");

  private final KfpState state;

  V2ExperimentEndpoints(KfpState state) {
    this.state = state;
  }

  void register(Router router) {
    router
        .add("POST", BASE, this::create)
        .add("GET", BASE, this::list)
        .add("GET", BASE + "/{experiment_id}", this::get)
        .add("DELETE", BASE + "/{experiment_id}", this::delete);
  }

  private ApiResponse create(ApiRequest request) {
    JsonObject body = state.read(WireMessages.V2_EXPERIMENT, request);
    return ApiResponse.ok(
        shape(
            ExperimentIntake.create(
                state,
                ProtoFields.text(body, "display_name"),
                ProtoFields.text(body, "description"),
                ProtoFields.text(body, "namespace"))));
  }

  private ApiResponse list(ApiRequest request) {
    String namespace = request.queryParameter("namespace").orElse("");
    ListPage<StoredExperiment> page =
        ListPage.of(
            state.experiments().all().stream()
                .filter(e -> !state.multiUser() || e.namespace().equals(namespace))
                .toList(),
            ListRequest.from(request, FILTERS),
            ListFields.EXPERIMENTS);
    return ApiResponse.ok(page.toJson("experiments", this::shape));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(shape(state.experiments().get(request.pathVariable("experiment_id"))));
  }

  private ApiResponse delete(ApiRequest request) {
    state.experiments().delete(request.pathVariable("experiment_id"));
    return ApiResponse.empty();
  }

  private JsonObject shape(StoredExperiment experiment) {
    return V2Shapes.experiment(
        experiment, ExperimentIntake.lastRunCreatedAt(state, experiment.id()));
  }
}
