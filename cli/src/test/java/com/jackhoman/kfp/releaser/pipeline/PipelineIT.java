package com.jackhoman.kfp.releaser.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.TestKfp;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
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

/** A Pipeline's life in KFP: created, reported, protected, repaired and deleted. */
class PipelineIT {

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(TestKfp.emulator().start());

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  @Test
  void pipelineIsCreatedInKfpAndItsIdShownInStatus() {
    Pipeline pipeline = EXTENSION.create(pipeline("created", Map.of()));

    Pipeline ready = awaitReady("created");

    KfpPipeline inKfp = findInKfp("created").orElseThrow();
    assertThat(ready.getStatus().getPipelineId()).isEqualTo(inKfp.id());
    assertThat(inKfp.owner())
        .contains(
            new OwnerMark(EXTENSION.getNamespace(), "created", pipeline.getMetadata().getUid()));
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(OPERATOR.kfpClient().pipelines().findOwnedBy("", inKfp.owner().orElseThrow()))
        .hasSize(1);
  }

  @Test
  void deletingAPipelineRemovesItFromKfp() {
    Pipeline pipeline = EXTENSION.create(pipeline("deleted", Map.of()));
    awaitReady("deleted");

    EXTENSION.delete(pipeline);

    await().untilAsserted(() -> assertThat(EXTENSION.get(Pipeline.class, "deleted")).isNull());
    assertThat(findInKfp("deleted")).isEmpty();
  }

  @Test
  void orphanedPipelineStaysInKfp() {
    Pipeline pipeline = pipeline("orphaned", Map.of());
    pipeline.getSpec().setDeletionPolicy(PipelineSpec.DeletionPolicy.ORPHAN);
    EXTENSION.create(pipeline);
    awaitReady("orphaned");

    EXTENSION.delete(EXTENSION.get(Pipeline.class, "orphaned"));

    await().untilAsserted(() -> assertThat(EXTENSION.get(Pipeline.class, "orphaned")).isNull());
    assertThat(findInKfp("orphaned")).isPresent();
  }

  @Test
  void pipelineOfAnotherOwnerIsNotTouched() {
    OPERATOR
        .kfpClient()
        .pipelines()
        .create(
            new NewPipeline(
                "",
                EXTENSION.getNamespace() + "/taken",
                "taken",
                "made by someone else",
                new OwnerMark("elsewhere", "taken", "another-uid")));
    long changesBefore = OPERATOR.kfp().log().changeCount();

    EXTENSION.create(pipeline("taken", Map.of()));

    Condition ready = awaitReadyCondition("taken", "False");
    assertThat(ready.getReason()).isEqualTo("NotOwned");
    assertThat(ready.getMessage()).contains("belongs to another kfp-releaser object");
    assertThat(OPERATOR.kfp().log().changeCount()).isEqualTo(changesBefore);
  }

  @Test
  void unmarkedPipelineIsAdoptedOnlyWithTheAnnotation() {
    OPERATOR.createUnmarkedPipeline(EXTENSION.getNamespace() + "/legacy");

    EXTENSION.create(pipeline("legacy", Map.of()));
    assertThat(awaitReadyCondition("legacy", "False").getReason()).isEqualTo("NotOwned");

    Pipeline adopting = EXTENSION.get(Pipeline.class, "legacy");
    adopting.getMetadata().setAnnotations(Map.of("kfp.jackhoman.com/adopt", "true"));
    EXTENSION.replace(adopting);

    assertThat(awaitReady("legacy").getStatus().getPipelineId())
        .isEqualTo(findInKfp("legacy").orElseThrow().id());
  }

  @Test
  void pipelineDeletedInKfpIsCreatedAgainAndTheDriftReported() {
    EXTENSION.create(pipeline("drifting", Map.of()));
    String firstId = awaitReady("drifting").getStatus().getPipelineId();

    OPERATOR.kfpClient().pipelines().delete(firstId);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Pipeline repaired = EXTENSION.get(Pipeline.class, "drifting");
              assertThat(repaired.getStatus().getPipelineId()).isNotEqualTo(firstId);
              assertThat(
                      Conditions.find(repaired.getStatus().getConditions(), ConditionType.Drifted))
                  .hasValueSatisfying(c -> assertThat(c.getMessage()).contains(firstId));
            });
    assertThat(findInKfp("drifting")).isPresent();
  }

  @Test
  void deletingAPipelineWhoseKfpPipelineIsGoneFinishesAtOnce() {
    Pipeline pipeline = EXTENSION.create(pipeline("gone", Map.of()));
    String id = awaitReady("gone").getStatus().getPipelineId();
    OPERATOR.kfpClient().pipelines().delete(id);

    EXTENSION.delete(pipeline);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(EXTENSION.get(Pipeline.class, "gone")).isNull());
  }

  private static Pipeline pipeline(String name, Map<String, String> annotations) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(EXTENSION.getNamespace())
            .withAnnotations(annotations)
            .build());
    PipelineSpec spec = new PipelineSpec();
    spec.setDescription("The " + name + " pipeline");
    pipeline.setSpec(spec);
    return pipeline;
  }

  private static Pipeline awaitReady(String name) {
    awaitReadyCondition(name, "True");
    return EXTENSION.get(Pipeline.class, name);
  }

  private static Condition awaitReadyCondition(String name, String status) {
    return ReadyCondition.await(EXTENSION, Pipeline.class, name, c -> status.equals(c.getStatus()));
  }

  private static Optional<KfpPipeline> findInKfp(String name) {
    return OPERATOR.kfpClient().pipelines().findByName("", EXTENSION.getNamespace() + "/" + name);
  }
}
