package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;

/**
 * The healthz endpoints of both generations, written with plain JSON as KFP writes them ({@code
 * backend/src/apiserver/main.go} {@code startHttpProxy} at 1.8.5 to 2.14.0, {@code
 * newHealthzResponse} at 2.17.0): {@code commit_sha}, {@code tag_name}, {@code multi_user}, and on
 * v2beta1 from 2.14.0 {@code pipeline_store}.
 */
final class HealthEndpoints {

  private final ReleaseProfile release;
  private final boolean multiUser;

  HealthEndpoints(ReleaseProfile release, boolean multiUser) {
    this.release = release;
    this.multiUser = multiUser;
  }

  void register(Router router, String generation) {
    router.add(null, "/apis/" + generation + "/healthz", request -> health(generation));
  }

  private ApiResponse health(String generation) {
    JsonObject body = new JsonObject();
    body.addProperty("commit_sha", "emulator");
    body.addProperty("tag_name", release.tagName());
    body.addProperty("multi_user", multiUser);
    if (generation.equals("v2beta1") && release.reportsPipelineStore()) {
      body.addProperty("pipeline_store", release.kubernetesStore() ? "kubernetes" : "database");
    }
    return ApiResponse.ok(body);
  }
}
