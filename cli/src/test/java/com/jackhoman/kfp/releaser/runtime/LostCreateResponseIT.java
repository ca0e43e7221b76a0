package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A create whose answer is lost after KFP committed it is retried without a second object and
 * without a Conflict. The drift period is long, so the retry cannot lean on a fresh poll: only the
 * lookup right before each create can save it.
 */
class LostCreateResponseIT {

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR =
      OperatorUnderTest.over(KfpEmulator.builder().start(), Duration.ofMinutes(10));

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  @AfterEach
  void stopDroppingAnswers() {
    OPERATOR.kfp().faults().clear();
  }

  @Test
  void aPipelineWhoseCreateAnswerWasLostBecomesReadyWithExactlyOneKfpPipeline() {
    OPERATOR.kfp().faults().add(FaultRule.dropAfterCommit("POST", "/apis/v2beta1/pipelines", 1));
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(
        new ObjectMetaBuilder().withName("lost").withNamespace(EXTENSION.getNamespace()).build());
    pipeline.setSpec(new PipelineSpec());
    String uid = EXTENSION.create(pipeline).getMetadata().getUid();

    ReadyCondition.await(EXTENSION, Pipeline.class, "lost", c -> "True".equals(c.getStatus()));

    assertThat(
            OPERATOR
                .kfpClient()
                .pipelines()
                .findOwnedBy("", new OwnerMark(EXTENSION.getNamespace(), "lost", uid)))
        .hasSize(1);
    assertThat(OPERATOR.kfp().log().entries()).anyMatch(entry -> entry.status() == 0);
  }

  @Test
  void aPipelineDeletedBeforeAnyPollSawItsLostCreateTakesItsKfpPipelineAlong() {
    OPERATOR.kfp().faults().add(FaultRule.dropAfterCommit("POST", "/apis/v2beta1/pipelines", 1));
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(
        new ObjectMetaBuilder()
            .withName("short-lived")
            .withNamespace(EXTENSION.getNamespace())
            .build());
    pipeline.setSpec(new PipelineSpec());
    int created = OPERATOR.kfp().log().entries().size();
    String uid = EXTENSION.create(pipeline).getMetadata().getUid();
    await()
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                OPERATOR.kfp().log().entries().stream()
                    .skip(created)
                    .anyMatch(e -> e.status() == 0));
    // Keep the retry's lookup from seeing the pipeline, so the object goes with nothing polled.
    OPERATOR.kfp().faults().add(FaultRule.serverErrors("GET", "/apis/v2beta1/pipelines", 1));

    int before = OPERATOR.kfp().log().entries().size();
    EXTENSION.delete(pipeline);
    await()
        .until(
            () ->
                OPERATOR.kfp().log().entries().stream()
                    .skip(before)
                    .anyMatch(e -> e.status() == 503));
    OPERATOR.kfp().faults().clear();
    await().until(() -> EXTENSION.get(Pipeline.class, "short-lived") == null);

    assertThat(
            OPERATOR
                .kfpClient()
                .pipelines()
                .findOwnedBy("", new OwnerMark(EXTENSION.getNamespace(), "short-lived", uid)))
        .isEmpty();
  }

  @Test
  void anExperimentWhoseCreateAnswerWasLostBecomesReadyWithExactlyOneKfpExperiment() {
    OPERATOR.kfp().faults().add(FaultRule.dropAfterCommit("POST", "/apis/v2beta1/experiments", 1));
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder().withName("lost").withNamespace(EXTENSION.getNamespace()).build());
    String uid = EXTENSION.create(experiment).getMetadata().getUid();

    ReadyCondition.await(EXTENSION, Experiment.class, "lost", c -> "True".equals(c.getStatus()));

    assertThat(
            OPERATOR
                .kfpClient()
                .experiments()
                .findOwnedBy("", new OwnerMark(EXTENSION.getNamespace(), "lost", uid)))
        .hasSize(1);
  }
}
