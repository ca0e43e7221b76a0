package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;

/** The v1beta1 experiment endpoints; the namespace travels as a NAMESPACE/OWNER reference. */
final class V1ExperimentEndpoints {

  private static final String BASE = "/apis/v1beta1/experiments";
  private static final FilterReader FILTERS = new FilterReader("op");

  private final KfpState state;

  V1ExperimentEndpoints(KfpState state) {
    this.state = state;
  }

  void register(Router router) {
    router
        .add("POST", BASE, this::create)
        .add("GET", BASE, this::list)
        .add("GET", BASE + "/{id}", this::get)
        .add("DELETE", BASE + "/{id}", this::delete);
  }

  private ApiResponse create(ApiRequest request) {
    JsonObject body = state.read(WireMessages.V1_EXPERIMENT, request);
    return ApiResponse.ok(
        shape(
            ExperimentIntake.create(
                state,
                ProtoFields.text(body, "name"),
                ProtoFields.text(body, "description"),
                V1References.id(body, "NAMESPACE"))));
  }

  private ApiResponse list(ApiRequest request) {
    String namespace = request.queryParameter("resource_reference_key.id").orElse("");
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
    return ApiResponse.ok(shape(state.experiments().get(request.pathVariable("id"))));
  }

  private ApiResponse delete(ApiRequest request) {
    state.experiments().delete(request.pathVariable("id"));
    return ApiResponse.empty();
  }

  private JsonObject shape(StoredExperiment experiment) {
    return V1Shapes.experiment(
        experiment, state.multiUser() || state.release().experimentsAlwaysOwnedByNamespace());
  }
}
