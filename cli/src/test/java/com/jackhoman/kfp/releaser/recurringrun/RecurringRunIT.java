package com.jackhoman.kfp.releaser.recurringrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.TestKfp;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A RecurringRun's life in KFP: waiting for what it runs, created as declared, refused when its
 * parameters do not fit, protected, repaired, quiet when in sync, and deleted. The PipelineVersions
 * and Experiments here are made Ready by the test through their status subresource.
 */
class RecurringRunIT {

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(TestKfp.emulator().start());

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  private final ReadyVersion versions = new ReadyVersion(EXTENSION);
  private final RecurringRunsUnderTest runs = new RecurringRunsUnderTest(OPERATOR, EXTENSION);

  @Test
  void recurringRunWaitsForItsVersionAndExperimentAndProceedsAsSoonAsTheyAreReady() {
    runs.apply("waiting", "waited-for", spec -> spec.setExperimentRef("team"));

    Condition waiting = runs.awaitReady("waiting", "False", "Waiting");
    assertThat(waiting.getMessage())
        .contains("PipelineVersion \"waited-for\" to be Ready", "Experiment \"team\" to be Ready");
    versions.applyReady("waited-for");
    assertThat(runs.awaitReady("waiting", "False", "Waiting").getMessage())
        .doesNotContain("PipelineVersion")
        .contains("Experiment \"team\"");
    assertThat(runs.inKfp("waiting")).isEmpty();

    applyExperiment("team");
    String experimentId = makeReady("team");
    Instant ready = Instant.now();
    RecurringRun synced = runs.awaitSynced("waiting");

    assertThat(Duration.between(ready, Instant.now())).isLessThan(Duration.ofSeconds(3));
    assertThat(synced.getStatus().getExperimentId()).isEqualTo(experimentId);
    assertThat(runs.inKfp("waiting"))
        .singleElement()
        .satisfies(inKfp -> assertThat(inKfp.id()).isEqualTo(synced.getStatus().getId()));
  }

  @Test
  void cronIntervalWindowConcurrencyCatchupServiceAccountAndTypedParametersReachKfp() {
    versions.applyReady("passing");
    runs.apply(
        "cron",
        "passing",
        spec -> {
          spec.getSchedule().setStartTime(ZonedDateTime.parse("2026-02-01T00:00:00Z"));
          spec.getSchedule().setEndTime(ZonedDateTime.parse("2027-02-01T00:00:00Z"));
          spec.setMaxConcurrency(3L);
          spec.setNoCatchup(false);
          spec.setServiceAccount("nightly-runner");
          spec.setParameters(
              RecurringRunsUnderTest.parameters(
                  Map.of("message", "hi", "count", "3", "verbose", true)));
        });
    runs.apply(
        "interval",
        "passing",
        spec -> {
          spec.getSchedule().setCron(null);
          spec.getSchedule().setIntervalSeconds(3600L);
        });

    String cronId = runs.awaitSynced("cron").getStatus().getId();
    String intervalId = runs.awaitSynced("interval").getStatus().getId();

    KfpRecurringRun cron = OPERATOR.kfpClient().recurringRuns().get(cronId);
    assertThat(cron.trigger())
        .isEqualTo(
            new KfpTrigger.Cron(
                "0 30 2 * * *",
                Optional.of(Instant.parse("2026-02-01T00:00:00Z")),
                Optional.of(Instant.parse("2027-02-01T00:00:00Z"))));
    assertThat(cron.maxConcurrency()).isEqualTo(3);
    assertThat(cron.noCatchup()).isFalse();
    assertThat(cron.serviceAccount()).isEqualTo("nightly-runner");
    assertThat(cron.enabled()).isTrue();
    assertThat(cron.parameters())
        .containsEntry("message", "hi")
        .containsEntry("verbose", true)
        .hasEntrySatisfying("count", count -> assertThat(((Number) count).intValue()).isEqualTo(3));
    assertThat(cron.name()).isEqualTo(EXTENSION.getNamespace() + "/cron");
    KfpRecurringRun interval = OPERATOR.kfpClient().recurringRuns().get(intervalId);
    assertThat(interval.trigger())
        .isEqualTo(
            new KfpTrigger.Periodic(Duration.ofHours(1), Optional.empty(), Optional.empty()));
    assertThat(interval.noCatchup()).isTrue();
    assertThat(interval.maxConcurrency()).isEqualTo(1);
  }

  @Test
  void unknownParameterOrMissingRequiredInputIsInvalidSpecWithoutAnyKfpWrite() {
    versions.applyReady("strict");
    OPERATOR.kfp().log().clear();

    runs.apply(
        "unknown",
        "strict",
        spec ->
            spec.setParameters(
                RecurringRunsUnderTest.parameters(Map.of("message", "hi", "colour", "red"))));
    runs.apply("missing", "strict", spec -> spec.setParameters(List.of()));
    runs.apply(
        "mistyped",
        "strict",
        spec ->
            spec.setParameters(
                RecurringRunsUnderTest.parameters(Map.of("message", "hi", "count", "many"))));

    assertThat(runs.awaitReady("unknown", "False", "InvalidSpec").getMessage())
        .contains("\"colour\" is not an input of PipelineVersion \"strict\"");
    assertThat(runs.awaitReady("missing", "False", "InvalidSpec").getMessage())
        .contains("required input \"message\" (STRING)");
    assertThat(runs.awaitReady("mistyped", "False", "InvalidSpec").getMessage())
        .contains("\"count\"", "NUMBER_INTEGER");
    assertThat(runs.kfpWrites()).isEmpty();
  }

  @Test
  void recurringRunDeletedInKfpIsCreatedAgainAndTheDriftReported() {
    versions.applyReady("drifting-version");
    runs.apply("drifting", "drifting-version", spec -> {});
    String firstId = runs.awaitSynced("drifting").getStatus().getId();

    OPERATOR.kfpClient().recurringRuns().delete(firstId);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              RecurringRun repaired = runs.get("drifting");
              assertThat(repaired.getStatus().getId()).isNotEqualTo(firstId);
              assertThat(
                      Conditions.find(repaired.getStatus().getConditions(), ConditionType.Drifted))
                  .hasValueSatisfying(c -> assertThat(c.getMessage()).contains(firstId));
            });
    assertThat(runs.inKfp("drifting")).hasSize(1);
  }

  @Test
  void recurringRunOfAnotherOwnerIsNotTouched() {
    versions.applyReady("contested-version");
    RecurringRun probe = runs.apply("probe", "contested-version", spec -> {});
    KfpRecurringRun template =
        OPERATOR.kfpClient().recurringRuns().get(runs.awaitSynced("probe").getStatus().getId());
    OPERATOR
        .kfpClient()
        .recurringRuns()
        .create(
            new NewRecurringRun(
                OwnerMarks.kfpName(probe).replace("/probe", "/contested"),
                "made by someone else",
                new OwnerMark("elsewhere", "contested", "another-uid"),
                template.experimentId(),
                template.pipelineId(),
                template.pipelineVersionId(),
                template.trigger(),
                template.parameters(),
                1,
                true,
                true,
                ""));
    OPERATOR.kfp().log().clear();
    // The operator sees KFP objects made by others at its next listing of the namespace, at most
    // one drift period later (KFP does not keep recurring run names unique, so nothing refuses).
    await().pollDelay(OperatorUnderTest.DRIFT_PERIOD.multipliedBy(2)).until(() -> true);

    runs.apply("contested", "contested-version", spec -> {});

    Condition ready = runs.awaitReady("contested", "False", "NotOwned");
    assertThat(ready.getMessage()).contains("belongs to another kfp-releaser object");
    assertThat(runs.kfpWrites()).isEmpty();
    assertThat(runs.inKfp("contested"))
        .singleElement()
        .satisfies(r -> assertThat(r.enabled()).isTrue());
  }

  @Test
  void twentyForcedReconcilesOfASyncedRecurringRunMakeNoKfpWrite() {
    versions.applyReady("steady-version");
    runs.apply("steady", "steady-version", spec -> {});
    runs.awaitSynced("steady");
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    OPERATOR.kfp().log().clear();

    for (int i = 0; i < 20; i++) {
      RecurringRun run = runs.get("steady");
      run.getMetadata().setAnnotations(Map.of("test/nudge", Integer.toString(i)));
      EXTENSION.replace(run);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                OPERATOR.kfp().log().entries().stream()
                    .anyMatch(r -> r.path().startsWith("/apis/v2beta1/recurringruns")));
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

    assertThat(runs.kfpWrites()).isEmpty();
    assertThat(runs.get("steady").getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("Synced"));
  }

  @Test
  void deletingARecurringRunRemovesItFromKfpAndOrphanLeavesIt() {
    versions.applyReady("leaving-version");
    RecurringRun deleted = runs.apply("deleted", "leaving-version", spec -> {});
    runs.apply(
        "orphaned",
        "leaving-version",
        spec -> spec.setDeletionPolicy(RecurringRunSpec.DeletionPolicy.ORPHAN));
    runs.awaitSynced("deleted");
    runs.awaitSynced("orphaned");

    EXTENSION.delete(deleted);
    EXTENSION.delete(runs.get("orphaned"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(runs.get("deleted")).isNull();
              assertThat(runs.get("orphaned")).isNull();
            });
    assertThat(runs.inKfp("deleted")).isEmpty();
    assertThat(runs.inKfp("orphaned")).hasSize(1);
  }

  private void applyExperiment(String name) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(EXTENSION.getNamespace()).build());
    EXTENSION.create(experiment);
  }

  /** Waits for the Experiment reconciler to make {@code name} Ready, and returns its KFP id. */
  private String makeReady(String name) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> EXTENSION.get(Experiment.class, name),
            experiment ->
                experiment.getStatus() != null && experiment.getStatus().getExperimentId() != null)
        .getStatus()
        .getExperimentId();
  }
}
