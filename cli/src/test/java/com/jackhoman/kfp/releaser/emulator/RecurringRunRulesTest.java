package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecurringRunRulesTest {

  private final KfpEmulator emulator = KfpEmulator.builder().start();
  private final KfpHttp http = new KfpHttp(emulator);
  private final String pipelineId =
      PipelineRulesTest.pipelineId(
          http.upload(
              "/apis/v2beta1/pipelines/upload?name=outputs",
              "lightweight_python_functions_with_outputs.yaml"));

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String body(String parameters, String maxConcurrency) {
    return "{\"display_name\":\"nightly\",\"pipeline_version_reference\":{\"pipeline_id\":\""
        + pipelineId
        + "\"},\"runtime_config\":{\"parameters\":"
        + parameters
        + "},\"trigger\":{\"periodic_schedule\":{\"interval_second\":\"3600\"}},\"mode\":\"ENABLE\""
        + maxConcurrency
        + "}";
  }

  private static final String GOOD =
      "{\"first_message\":\"a\",\"first_number\":1,\"second_message\":\"b\",\"second_number\":2}";

  @Test
  void retriedCreateMakesASecondRecurringRunOfTheSameName() {
    KfpHttp.Reply first =
        http.post("/apis/v2beta1/recurringruns", body(GOOD, ",\"max_concurrency\":\"1\""));
    KfpHttp.Reply second =
        http.post("/apis/v2beta1/recurringruns", body(GOOD, ",\"max_concurrency\":\"1\""));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().get("recurring_run_id"))
        .isNotEqualTo(first.body().get("recurring_run_id"));
    assertThat(http.get("/apis/v2beta1/recurringruns").body().get("total_size").getAsInt())
        .isEqualTo(2);
  }

  @Test
  void everyStartAndStopOfSchedulingIsRecordedInOrder() {
    String first =
        http.post("/apis/v2beta1/recurringruns", body(GOOD, ",\"max_concurrency\":\"1\""))
            .body()
            .get("recurring_run_id")
            .getAsString();
    String second =
        http.post("/apis/v2beta1/recurringruns", body(GOOD, ",\"max_concurrency\":\"1\""))
            .body()
            .get("recurring_run_id")
            .getAsString();
    http.post("/apis/v2beta1/recurringruns/" + first + ":disable", "{}");
    http.post("/apis/v2beta1/recurringruns/" + first + ":disable", "{}");
    http.delete("/apis/v2beta1/recurringruns/" + second);

    assertThat(emulator.enabledHistory())
        .extracting(EnabledTransition::sequence, EnabledTransition::id, EnabledTransition::enabled)
        .containsExactly(
            tuple(0L, first, true),
            tuple(1L, second, true),
            tuple(2L, first, false),
            tuple(3L, second, false));
  }

  @Test
  void createdRecurringRunEchoesKfpsWireForm() {
    KfpHttp.Reply created =
        http.post("/apis/v2beta1/recurringruns", body(GOOD, ",\"max_concurrency\":3"));

    assertThat(created.body().get("max_concurrency").getAsString()).isEqualTo("3");
    assertThat(created.body().get("status").getAsString()).isEqualTo("ENABLED");
    assertThat(created.body().get("namespace").getAsString()).isEqualTo("kubeflow");
    assertThat(created.body().has("no_catchup")).isFalse();
    assertThat(created.body().get("created_at").getAsString()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void missingMaxConcurrencyIsBadRequest() {
    KfpHttp.Reply reply = http.post("/apis/v2beta1/recurringruns", body(GOOD, ""));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").getAsString()).contains("Max concurrency");
  }

  @Test
  void maxConcurrencyAboveTenIsBadRequest() {
    assertThat(
            http.post("/apis/v2beta1/recurringruns", body(GOOD, ",\"max_concurrency\":\"11\""))
                .status())
        .isEqualTo(400);
  }

  @Test
  void missingRequiredParameterIsBadRequest() {
    KfpHttp.Reply reply =
        http.post(
            "/apis/v2beta1/recurringruns",
            body("{\"first_message\":\"a\"}", ",\"max_concurrency\":\"1\""));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").getAsString()).contains("is required");
  }

  @Test
  void unknownParameterIsBadRequest() {
    String parameters = GOOD.replace("}", ",\"extra\":1}");

    assertThat(
            http.post("/apis/v2beta1/recurringruns", body(parameters, ",\"max_concurrency\":\"1\""))
                .status())
        .isEqualTo(400);
  }

  @Test
  void parameterOfTheWrongJsonTypeIsBadRequest() {
    String parameters = GOOD.replace("\"first_number\":1", "\"first_number\":\"1\"");

    assertThat(
            http.post("/apis/v2beta1/recurringruns", body(parameters, ",\"max_concurrency\":\"1\""))
                .status())
        .isEqualTo(400);
  }

  @Test
  void emptyDisplayNameFailsAsTheConverterFails() {
    String nameless = body(GOOD, ",\"max_concurrency\":\"1\"").replace("nightly", "");

    assertThat(http.post("/apis/v2beta1/recurringruns", nameless).status()).isEqualTo(500);
  }

  @Test
  void v1JobPinsTheLatestVersionAndShowsResourceReferences() {
    String versionId =
        http.get("/apis/v2beta1/pipelines/" + pipelineId + "/versions")
            .body()
            .getAsJsonArray("pipeline_versions")
            .get(0)
            .getAsJsonObject()
            .get("pipeline_version_id")
            .getAsString();
    String job =
        "{\"name\":\"nightly\",\"enabled\":true,\"max_concurrency\":\"1\","
            + "\"trigger\":{\"periodic_schedule\":{\"interval_second\":\"60\"}},"
            + "\"pipeline_spec\":{\"runtime_config\":{\"parameters\":"
            + GOOD
            + "}},\"resource_references\":[{\"key\":{\"type\":\"PIPELINE\",\"id\":\""
            + pipelineId
            + "\"},\"relationship\":\"CREATOR\"}]}";

    KfpHttp.Reply created = http.post("/apis/v1beta1/jobs", job);

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.body().get("enabled").getAsBoolean()).isTrue();
    assertThat(created.body().getAsJsonArray("resource_references").toString())
        .contains("\"type\":\"PIPELINE_VERSION\",\"id\":\"" + versionId + "\"");
  }

  @Test
  void intervalBelowOneSecondIsBadRequest() {
    String zero = body(GOOD, ",\"max_concurrency\":\"1\"").replace("\"3600\"", "\"0\"");

    assertThat(http.post("/apis/v2beta1/recurringruns", zero).status()).isEqualTo(400);
  }

  @Test
  void unparsableCronIsBadRequest() {
    String cron =
        body(GOOD, ",\"max_concurrency\":\"1\"")
            .replace(
                "\"periodic_schedule\":{\"interval_second\":\"3600\"}",
                "\"cron_schedule\":{\"cron\":\"0 61 * * * *\"}");

    KfpHttp.Reply reply = http.post("/apis/v2beta1/recurringruns", cron);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").getAsString()).contains("cron");
  }
}
