package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private final KfpEmulator emulator =
      KfpEmulator.builder().runDuration(Duration.ofMinutes(10)).start();
  private final KfpHttp http = new KfpHttp(emulator);

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String createHourly(int maxConcurrency) {
    String pipelineId =
        PipelineRulesTest.pipelineId(
            http.upload("/apis/v2beta1/pipelines/upload?name=p", "hello_world.yaml"));
    return http.post(
            "/apis/v2beta1/recurringruns",
            "{\"display_name\":\"hourly\",\"pipeline_version_reference\":{\"pipeline_id\":\""
                + pipelineId
                + "\"},\"trigger\":{\"periodic_schedule\":{\"interval_second\":\"3600\"}},"
                + "\"mode\":\"ENABLE\",\"max_concurrency\":\""
                + maxConcurrency
                + "\"}")
        .body()
        .get("recurring_run_id")
        .getAsString();
  }

  private List<String> states(String recurringRunId) {
    String filter =
        "{\"predicates\":[{\"key\":\"recurring_run_id\",\"operation\":\"EQUALS\",\"string_value\":\""
            + recurringRunId
            + "\"}]}";
    JsonObject page = http.get("/apis/v2beta1/runs?filter=" + KfpHttp.encode(filter)).body();
    List<String> states = new ArrayList<>();
    if (!page.has("runs")) {
      return states;
    }
    for (JsonElement run : page.getAsJsonArray("runs")) {
      states.add(run.getAsJsonObject().get("state").getAsString());
    }
    return states;
  }

  @Test
  void enabledRecurringRunFiresWhenTheClockPassesItsTrigger() {
    String id = createHourly(1);

    emulator.advanceClock(Duration.ofMinutes(59));
    assertThat(states(id)).isEmpty();
    emulator.advanceClock(Duration.ofMinutes(1));

    assertThat(states(id)).containsExactly("RUNNING");
  }

  @Test
  void runSucceedsAfterItsDuration() {
    String id = createHourly(1);

    emulator.advanceClock(Duration.ofMinutes(60));
    emulator.advanceClock(Duration.ofMinutes(10));

    assertThat(states(id)).containsExactly("SUCCEEDED");
  }

  @Test
  void disabledRecurringRunDoesNotFire() {
    String id = createHourly(1);
    http.post("/apis/v2beta1/recurringruns/" + id + ":disable", "");

    emulator.advanceClock(Duration.ofHours(3));

    assertThat(states(id)).isEmpty();
    assertThat(http.get("/apis/v2beta1/recurringruns/" + id).body().get("status").getAsString())
        .isEqualTo("DISABLED");
  }

  @Test
  void catchUpFiresEveryMissedTriggerWithinMaxConcurrency() {
    String id = createHourly(2);

    emulator.advanceClock(Duration.ofHours(3));

    assertThat(states(id)).containsExactly("RUNNING", "RUNNING");
  }

  @Test
  void deletingARecurringRunLeavesItsRunInFlightToFinish() {
    String id = createHourly(1);
    emulator.advanceClock(Duration.ofMinutes(60));

    http.delete("/apis/v2beta1/recurringruns/" + id);
    assertThat(states(id)).containsExactly("RUNNING");
    emulator.advanceClock(Duration.ofMinutes(10));

    assertThat(states(id)).containsExactly("SUCCEEDED");
    assertThat(http.get("/apis/v2beta1/recurringruns/" + id).status()).isEqualTo(404);
  }
}
