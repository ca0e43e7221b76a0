package com.jackhoman.kfp.releaser.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scale benchmark's engine at a small N, as a regression check on counts (never times): 100
 * objects applied at once must each cost exactly one KFP write, and neither steady state nor a
 * reconcile of every object with nothing to do may write to KFP or Kubernetes. The run itself fails
 * unless every object becomes Ready.
 */
class ScaleRegressionIT {

  private static final int OBJECTS = 100;

  private static ScaleResult result;

  @BeforeAll
  static void applyHundredObjectsAndWatchSteadyState() throws Exception {
    ScaleOptions options =
        new ScaleOptions(
            Duration.ZERO,
            10,
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            2,
            Duration.ofSeconds(40),
            Optional.empty());
    result = new ScaleRun(options, Clock.systemUTC()).measure(OBJECTS);
  }

  @Test
  void convergingWritesToKfpExactlyOncePerObjectPlusOneEnablePerRecurringRun() {
    PhaseActivity converging = result.converging();
    assertThat(converging.recurringRunEnables())
        .as(result.details())
        .isEqualTo(converging.recurringRunCreates())
        .isPositive();
    assertThat(converging.kfpWrites() - converging.recurringRunEnables())
        .as(
            "KFP writes while %d objects converged:%n%s",
            result.convergeObjects(), result.details())
        .isEqualTo(result.convergeObjects());
  }

  @Test
  void steadyStateWritesNothingToKfp() {
    assertThat(result.steady().kfpWrites()).as(result.details()).isZero();
  }

  @Test
  void steadyStateWritesNothingToKubernetes() {
    assertThat(result.steady().kubernetesWrites()).as(result.details()).isZero();
  }

  @Test
  void reconcilingObjectsAlreadyInSyncWritesNothingToKfp() {
    assertThat(result.resync().kfpWrites()).as(result.details()).isZero();
  }

  @Test
  void reconcilingObjectsAlreadyInSyncWritesNothingToKubernetes() {
    assertThat(result.resync().kubernetesWrites()).as(result.details()).isZero();
  }
}
