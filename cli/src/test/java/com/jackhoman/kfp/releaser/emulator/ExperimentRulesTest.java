package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ExperimentRulesTest {

  @Test
  void secondExperimentWithTheSameNameIsAConflict() {
    try (KfpEmulator emulator = KfpEmulator.builder().start()) {
      KfpHttp http = new KfpHttp(emulator);
      http.post("/apis/v2beta1/experiments", "{\"display_name\":\"e\"}");

      KfpHttp.Reply again = http.post("/apis/v1beta1/experiments", "{\"name\":\"e\"}");

      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body().get("code").getAsInt()).isEqualTo(6);
    }
  }

  @Test
  void defaultExperimentCannotBeDeleted() {
    try (KfpEmulator emulator = KfpEmulator.builder().start()) {
      KfpHttp http = new KfpHttp(emulator);
      String id =
          http.get("/apis/v2beta1/experiments")
              .body()
              .getAsJsonArray("experiments")
              .get(0)
              .getAsJsonObject()
              .get("experiment_id")
              .getAsString();

      KfpHttp.Reply reply = http.delete("/apis/v2beta1/experiments/" + id);

      assertThat(reply.status()).isEqualTo(409);
      assertThat(reply.body().get("code").getAsInt()).isEqualTo(10);
    }
  }

  @Test
  void multiUserModeRefusesRequestsWithoutIdentity() {
    try (KfpEmulator emulator = KfpEmulator.builder().multiUser(true).start()) {
      KfpHttp http = new KfpHttp(emulator);

      assertThat(http.get("/apis/v2beta1/experiments").status()).isEqualTo(401);
      assertThat(http.get("/apis/v2beta1/healthz").body().get("multi_user").getAsBoolean())
          .isTrue();
    }
  }

  @Test
  void multiUserModeRequiresANamespaceForExperiments() {
    try (KfpEmulator emulator = KfpEmulator.builder().multiUser(true).start()) {
      KfpHttp http = new KfpHttp(emulator);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(emulator.url().resolve("/apis/v2beta1/experiments"))
              .header("kubeflow-userid", "alice@example.com")
              .POST(HttpRequest.BodyPublishers.ofString("{\"display_name\":\"e\"}"));

      KfpHttp.Reply reply = http.send(request);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.body().get("message").getAsString()).contains("empty namespace");
    }
  }
}
