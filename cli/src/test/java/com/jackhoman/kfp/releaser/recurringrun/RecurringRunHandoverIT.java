package com.jackhoman.kfp.releaser.recurringrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.TestKfp;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunstatus.LastRuns;
import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a RecurringRun's KFP recurring run changes: replaced blue/green on a spec change, disabled
 * and enabled in place on suspend and resume, reported with its runs, and created once even when
 * KFP's answer is lost. The PipelineVersions here are made Ready by the test through their status
 * subresource.
 */
class RecurringRunHandoverIT {

  private static final String RECURRING_RUNS = "/apis/v2beta1/recurringruns";

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(TestKfp.emulator().start());

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  private final ReadyVersion versions = new ReadyVersion(EXTENSION);
  private final RecurringRunsUnderTest runs = new RecurringRunsUnderTest(OPERATOR, EXTENSION);

  @Test
  void editingTheCronHandsOverBlueGreen() {
    assertHandsOverBlueGreen("new-cron", spec -> spec.getSchedule().setCron("45 3 * * *"));
  }

  @Test
  void editingTheParametersHandsOverBlueGreen() {
    assertHandsOverBlueGreen(
        "new-parameters",
        spec ->
            spec.setParameters(
                RecurringRunsUnderTest.parameters(Map.of("message", "changed", "count", 2))));
  }

  @Test
  void suspendAndResumeKeepTheKfpId() {
    versions.applyReady("pausing-version");
    runs.apply("pausing", "pausing-version", spec -> {});
    String id = runs.awaitSynced("pausing").getStatus().getId();
    OPERATOR.kfp().log().clear();

    runs.edit("pausing", spec -> spec.setSuspend(true));
    runs.awaitReady("pausing", "True", "Suspended");
    assertThat(OPERATOR.kfpClient().recurringRuns().get(id).enabled()).isFalse();
    assertThat(runs.get("pausing").getStatus().getNextRunTimes()).isEmpty();

    runs.edit("pausing", spec -> spec.setSuspend(false));
    RecurringRun resumed = runs.awaitSynced("pausing");

    assertThat(resumed.getStatus().getId()).isEqualTo(id);
    assertThat(OPERATOR.kfpClient().recurringRuns().get(id).enabled()).isTrue();
    assertThat(runs.kfpWrites())
        .containsExactly(
            "POST " + RECURRING_RUNS + "/" + id + ":disable",
            "POST " + RECURRING_RUNS + "/" + id + ":enable");
  }

  @Test
  void lastRunsAreFilledAfterRunsFireAndNextRunTimesFollowTheCron() {
    versions.applyReady("firing-version");
    runs.apply("firing", "firing-version", spec -> spec.getSchedule().setCron("*/10 * * * *"));
    String id = runs.awaitSynced("firing").getStatus().getId();

    for (int minute = 0; minute < 35; minute++) {
      OPERATOR.kfp().advanceClock(Duration.ofMinutes(1));
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(runs.get("firing").getStatus().getLastRuns()).hasSize(3));
    List<LastRuns> lastRuns = runs.get("firing").getStatus().getLastRuns();
    assertThat(lastRuns)
        .extracting(LastRuns::getStartedAt)
        .containsExactly(
            at("2026-01-01T00:30:00Z"), at("2026-01-01T00:20:00Z"), at("2026-01-01T00:10:00Z"));
    assertThat(lastRuns).extracting(LastRuns::getState).containsOnly("SUCCEEDED");
    assertThat(lastRuns.get(2).getFinishedAt()).isEqualTo(at("2026-01-01T00:11:00Z"));
    assertThat(
            OPERATOR
                .kfpClient()
                .recurringRuns()
                .recentRuns(OPERATOR.kfpClient().recurringRuns().get(id), 5))
        .extracting(r -> r.id())
        .containsExactlyElementsOf(lastRuns.stream().map(LastRuns::getId).toList());
    List<Instant> next =
        runs.get("firing").getStatus().getNextRunTimes().stream().map(Instant::parse).toList();
    assertThat(next).hasSize(3).allSatisfy(t -> assertThat(t.getEpochSecond() % 600).isZero());
    assertThat(Duration.between(next.get(0), next.get(2))).isEqualTo(Duration.ofMinutes(20));
    assertThat(next.get(0))
        .isAfter(Instant.now().minusSeconds(5))
        .isBefore(Instant.now().plusSeconds(601));
  }

  @Test
  void createWhoseResponseIsDroppedAfterCommitLeavesExactlyOneKfpRecurringRun() {
    versions.applyReady("lossy-version");
    OPERATOR.kfp().faults().add(FaultRule.dropAfterCommit("POST", RECURRING_RUNS, 1.0));
    try {
      runs.apply("lossy", "lossy-version", spec -> {});

      RecurringRun synced = runs.awaitSynced("lossy");

      assertThat(runs.inKfp("lossy"))
          .singleElement()
          .satisfies(r -> assertThat(r.id()).isEqualTo(synced.getStatus().getId()));
      assertThat(OPERATOR.kfp().log().entries())
          .filteredOn(r -> r.method().equals("POST") && r.path().equals(RECURRING_RUNS))
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isZero());
    } finally {
      OPERATOR.kfp().faults().clear();
    }
  }

  @Test
  void aDuplicateUnderTheMarkIsRemovedWithAnEventAndTheOneInStatusKept() {
    versions.applyReady("twin-version");
    runs.apply("twin", "twin-version", spec -> {});
    String kept = runs.awaitSynced("twin").getStatus().getId();
    KfpRecurringRun original = runs.inKfp("twin").get(0);
    // What a create answered late leaves: a second, disabled one under the same mark.
    String duplicate =
        OPERATOR
            .kfpClient()
            .recurringRuns()
            .create(
                new NewRecurringRun(
                    original.name(),
                    original.description(),
                    original.owner().orElseThrow(),
                    original.experimentId(),
                    original.pipelineId(),
                    original.pipelineVersionId(),
                    original.trigger(),
                    original.parameters(),
                    original.maxConcurrency(),
                    original.noCatchup(),
                    false,
                    original.serviceAccount()))
            .id();

    await().atMost(Duration.ofSeconds(20)).until(() -> runs.inKfp("twin").size() == 1);

    assertThat(runs.inKfp("twin"))
        .singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo(kept))
        .satisfies(r -> assertThat(r.enabled()).isTrue());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        EXTENSION
                            .getKubernetesClient()
                            .v1()
                            .events()
                            .inNamespace(EXTENSION.getNamespace())
                            .list()
                            .getItems())
                    .anySatisfy(
                        event -> {
                          assertThat(event.getReason()).isEqualTo("DuplicatesRemoved");
                          assertThat(event.getInvolvedObject().getName()).isEqualTo("twin");
                          assertThat(event.getMessage())
                              .contains(duplicate)
                              .contains("kept " + kept);
                        }));
  }

  private void assertHandsOverBlueGreen(String name, Consumer<RecurringRunSpec> edit) {
    versions.applyReady(name + "-version");
    runs.apply(name, name + "-version", spec -> {});
    String oldId = runs.awaitSynced(name).getStatus().getId();
    OPERATOR.kfp().log().clear();

    runs.edit(name, edit);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !oldId.equals(runs.awaitSynced(name).getStatus().getId()));
    String newId = runs.get(name).getStatus().getId();
    assertThat(runs.kfpWrites())
        .containsExactly(
            "POST " + RECURRING_RUNS,
            "POST " + RECURRING_RUNS + "/" + oldId + ":disable",
            "POST " + RECURRING_RUNS + "/" + newId + ":enable",
            "DELETE " + RECURRING_RUNS + "/" + oldId);
    List<KfpRecurringRun> inKfp = runs.inKfp(name);
    assertThat(inKfp)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(newId);
              assertThat(r.enabled()).isTrue();
            });
    assertThat(runs.get(name).getStatus().getPreviousIds()).isEmpty();
  }

  private static ZonedDateTime at(String time) {
    return Instant.parse(time).atZone(ZoneOffset.UTC);
  }
}
