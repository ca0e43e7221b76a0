package com.jackhoman.kfp.releaser.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.TestKfp;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentSpec;
import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An Experiment's life in KFP: created, reported, protected, repaired and deleted. */
class ExperimentIT {

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(TestKfp.emulator().start());

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  @Test
  void experimentIsCreatedInKfpAndItsIdShownInStatus() {
    Experiment experiment = EXTENSION.create(experiment("nightly"));

    Experiment ready = awaitReady("nightly");

    KfpExperiment inKfp = findInKfp("nightly").orElseThrow();
    assertThat(ready.getStatus().getExperimentId()).isEqualTo(inKfp.id());
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(inKfp.description()).isEqualTo("The nightly experiment");
    assertThat(inKfp.owner())
        .contains(
            new OwnerMark(EXTENSION.getNamespace(), "nightly", experiment.getMetadata().getUid()));
  }

  @Test
  void deletingAnExperimentRemovesItFromKfp() {
    Experiment experiment = EXTENSION.create(experiment("deleted"));
    awaitReady("deleted");

    EXTENSION.delete(experiment);

    await().until(() -> EXTENSION.get(Experiment.class, "deleted") == null);
    assertThat(findInKfp("deleted")).isEmpty();
  }

  @Test
  void orphanedExperimentStaysInKfp() {
    Experiment experiment = experiment("orphaned");
    experiment.getSpec().setDeletionPolicy(ExperimentSpec.DeletionPolicy.ORPHAN);
    EXTENSION.create(experiment);
    String id = awaitReady("orphaned").getStatus().getExperimentId();

    EXTENSION.delete(EXTENSION.get(Experiment.class, "orphaned"));

    await().until(() -> EXTENSION.get(Experiment.class, "orphaned") == null);
    assertThat(findInKfp("orphaned")).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(id));
  }

  @Test
  void experimentOfAnotherOwnerIsNotTouched() {
    OPERATOR
        .kfpClient()
        .experiments()
        .create(
            new NewExperiment(
                "", kfpName("taken"), "made elsewhere", new OwnerMark("other", "taken", "uid-2")));
    long changesBefore = OPERATOR.kfp().log().changeCount();

    EXTENSION.create(experiment("taken"));

    Condition ready = awaitReadyReason("taken", "NotOwned");
    assertThat(ready.getMessage()).contains("belongs to another kfp-releaser object");
    assertThat(EXTENSION.get(Experiment.class, "taken").getStatus().getExperimentId()).isNull();
    assertThat(OPERATOR.kfp().log().changeCount()).isEqualTo(changesBefore);
  }

  @Test
  void experimentOfAnEarlierObjectIsAdoptedOnlyWithTheAnnotation() {
    KfpExperiment earlier =
        OPERATOR
            .kfpClient()
            .experiments()
            .create(
                new NewExperiment(
                    "",
                    kfpName("legacy"),
                    "kept by an orphaned object",
                    new OwnerMark(EXTENSION.getNamespace(), "legacy", "uid-of-an-earlier-object")));

    EXTENSION.create(experiment("legacy"));
    awaitReadyReason("legacy", "NotOwned");

    Experiment adopting = EXTENSION.get(Experiment.class, "legacy");
    adopting.getMetadata().setAnnotations(Map.of("kfp.jackhoman.com/adopt", "true"));
    EXTENSION.replace(adopting);

    assertThat(awaitReady("legacy").getStatus().getExperimentId()).isEqualTo(earlier.id());
  }

  @Test
  void experimentDeletedInKfpIsCreatedAgainAndTheDriftReported() {
    EXTENSION.create(experiment("drifting"));
    String firstId = awaitReady("drifting").getStatus().getExperimentId();

    OPERATOR.kfpClient().experiments().delete(firstId);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Experiment repaired = EXTENSION.get(Experiment.class, "drifting");
              assertThat(repaired.getStatus().getExperimentId()).isNotEqualTo(firstId);
              assertThat(
                      Conditions.find(repaired.getStatus().getConditions(), ConditionType.Drifted))
                  .hasValueSatisfying(c -> assertThat(c.getMessage()).contains(firstId));
            });
    assertThat(findInKfp("drifting").orElseThrow().id())
        .isEqualTo(EXTENSION.get(Experiment.class, "drifting").getStatus().getExperimentId());
  }

  @Test
  void driftIsStillRepairedAfterChecksFailedWhileKfpWasDown() throws InterruptedException {
    EXTENSION.create(experiment("outlived"));
    String firstId = awaitReady("outlived").getStatus().getExperimentId();

    OPERATOR.kfp().faults().add(FaultRule.serverErrors("GET", "/apis/v2beta1/experiments", 1.0));
    long injected = OPERATOR.kfp().faults().injected();
    await().until(() -> OPERATOR.kfp().faults().injected() > injected);
    Thread.sleep(OperatorUnderTest.DRIFT_PERIOD.multipliedBy(3).toMillis());
    OPERATOR.kfp().faults().clear();
    OPERATOR.kfpClient().experiments().delete(firstId);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        EXTENSION.get(Experiment.class, "outlived").getStatus().getExperimentId())
                    .isNotEqualTo(firstId));
    assertThat(findInKfp("outlived")).isPresent();
  }

  @Test
  void afterConvergenceReconcilingAnExperimentAgainMakesNoKfpWrite() {
    EXTENSION.create(experiment("quiet"));
    awaitReady("quiet");
    long writesBefore = OPERATOR.kfp().log().writeCount();

    for (int i = 0; i < 20; i++) {
      Experiment touched = EXTENSION.get(Experiment.class, "quiet");
      touched.getMetadata().setAnnotations(Map.of("test/touch", String.valueOf(i)));
      EXTENSION.replace(touched);
    }

    await()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(EXTENSION.get(Experiment.class, "quiet").getMetadata().getAnnotations())
                  .containsEntry("test/touch", "19");
              assertThat(OPERATOR.kfp().log().writeCount()).isEqualTo(writesBefore);
            });
  }

  private static Experiment experiment(String name) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(EXTENSION.getNamespace()).build());
    ExperimentSpec spec = new ExperimentSpec();
    spec.setDescription("The " + name + " experiment");
    experiment.setSpec(spec);
    return experiment;
  }

  private static String kfpName(String name) {
    return EXTENSION.getNamespace() + "/" + name;
  }

  private static Optional<KfpExperiment> findInKfp(String name) {
    return OPERATOR.kfpClient().experiments().findByName("", kfpName(name));
  }

  private static Experiment awaitReady(String name) {
    awaitReadyReason(name, "Synced");
    return EXTENSION.get(Experiment.class, name);
  }

  private static Condition awaitReadyReason(String name, String reason) {
    return ReadyCondition.await(
        EXTENSION, Experiment.class, name, c -> reason.equals(c.getReason()));
  }
}
