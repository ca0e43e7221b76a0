package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;

/** The healthz endpoints of both generations, written with plain JSON as KFP writes them. */
final class HealthEndpoints {

  static final String TAG_NAME = "2.17.0";

  private final boolean multiUser;

  HealthEndpoints(boolean multiUser) {
    this.multiUser = multiUser;
  }

  void register(Router router, String generation) {
    router.add(null, "/apis/" + generation + "/healthz", request -> health(generation));
  }

  private ApiResponse health(String generation) {
    JsonObject body = new JsonObject();
    body.addProperty("commit_sha", "emulator");
    body.addProperty("tag_name", TAG_NAME);
    body.addProperty("multi_user", multiUser);
    if (generation.equals("v2beta1")) {
      body.addProperty("pipeline_store", "database");
    }
    return ApiResponse.ok(body);
  }
}
