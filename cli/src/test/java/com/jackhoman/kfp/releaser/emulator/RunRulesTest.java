package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunRulesTest {

  private static final String GOOD =
      "{\"first_message\":\"a\",\"first_number\":1,\"second_message\":\"b\",\"second_number\":2}";

  private final KfpEmulator emulator =
      KfpEmulator.builder().runDuration(Duration.ofMinutes(5)).start();
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

  private KfpHttp.Reply create(String displayName, String parameters) {
    return http.post(
        "/apis/v2beta1/runs",
        "{\"display_name\":\""
            + displayName
            + "\",\"pipeline_version_reference\":{\"pipeline_id\":\""
            + pipelineId
            + "\"},\"runtime_config\":{\"parameters\":"
            + parameters
            + "}}");
  }

  private JsonObject run(String id) {
    return http.get("/apis/v2beta1/runs/" + id).body();
  }

  private static List<String> history(JsonObject run) {
    List<String> states = new ArrayList<>();
    for (JsonElement status : run.getAsJsonArray("state_history")) {
      states.add(status.getAsJsonObject().get("state").getAsString());
    }
    return states;
  }

  @Test
  void aRunIsPendingThenRunningThenSucceedsOnTheEmulatorsClock() {
    KfpHttp.Reply created = create("once", GOOD);
    assertThat(created.status()).isEqualTo(200);
    String id = created.body().get("run_id").getAsString();
    assertThat(created.body().get("state").getAsString()).isEqualTo("PENDING");
    assertThat(created.body().get("experiment_id").getAsString())
        .as("a run without an experiment goes into the default one")
        .isNotEmpty();

    emulator.advanceClock(Duration.ofSeconds(1));
    assertThat(run(id).get("state").getAsString()).isEqualTo("RUNNING");
    emulator.advanceClock(Duration.ofMinutes(5));

    JsonObject finished = run(id);
    assertThat(finished.get("state").getAsString()).isEqualTo("SUCCEEDED");
    assertThat(finished.has("finished_at")).isTrue();
    assertThat(history(finished)).containsExactly("PENDING", "RUNNING", "SUCCEEDED");
  }

  @Test
  void aRunWithAParameterOfEmulatorFailFailsAndItsWorkflowSaysWhy() {
    String id =
        create("doomed", GOOD.replace("\"a\"", "\"emulator:fail\""))
            .body()
            .get("run_id")
            .getAsString();

    emulator.advanceClock(Duration.ofSeconds(1));
    emulator.advanceClock(Duration.ofMinutes(5));

    assertThat(run(id).get("state").getAsString()).isEqualTo("FAILED");
    JsonObject detail = http.get("/apis/v1beta1/runs/" + id).body();
    assertThat(detail.getAsJsonObject("run").get("status").getAsString()).isEqualTo("Failed");
    JsonObject workflow =
        JsonParser.parseString(
                detail.getAsJsonObject("pipeline_runtime").get("workflow_manifest").getAsString())
            .getAsJsonObject();
    assertThat(workflow.getAsJsonObject("status").get("message").getAsString())
        .contains("first_message")
        .contains("emulator:fail");
  }

  @Test
  void aRunNeedsADisplayNameAndAnExistingVersionAndLeavesNothingWhenRefused() {
    KfpHttp.Reply unnamed = create("", GOOD);
    KfpHttp.Reply unknownVersion =
        http.post(
            "/apis/v2beta1/runs",
            "{\"display_name\":\"x\",\"pipeline_version_reference\":{\"pipeline_version_id\":"
                + "\"00000000-0000-0000-0000-000000000000\"}}");

    assertThat(unnamed.status()).isEqualTo(400);
    assertThat(unnamed.body().get("message").getAsString()).contains("The run name is empty");
    assertThat(unknownVersion.status()).isEqualTo(500);
    assertThat(unknownVersion.body().get("message").getAsString())
        .contains("Failed to create a run due to error fetching manifest");
    assertThat(http.get("/apis/v2beta1/runs").body().has("runs")).isFalse();
  }

  @Test
  void aDeletedRunIsGone() {
    String id = create("once", GOOD).body().get("run_id").getAsString();

    assertThat(http.delete("/apis/v2beta1/runs/" + id).status()).isEqualTo(200);

    assertThat(http.get("/apis/v2beta1/runs/" + id).status()).isEqualTo(404);
  }
}
