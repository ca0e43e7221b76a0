package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.junit.LocallyRunOperatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JOSDK's test extension starts against the faithful mock server with JOSDK's defaults: the
 * namespace, the CRD, finalizers and status all go through server-side apply.
 */
class OperatorOnFaithfulMockServerIT {

  private static final FaithfulMockServer SERVER = FaithfulMockServer.start();
  private static final Set<String> CLEANED_UP = ConcurrentHashMap.newKeySet();

  /** Registered first, so it runs after the operator extension has cleaned up. */
  @RegisterExtension
  @Order(1)
  static final AfterAllCallback STOP_SERVER = context -> SERVER.close();

  @RegisterExtension
  @Order(2)
  static final LocallyRunOperatorExtension OPERATOR =
      LocallyRunOperatorExtension.builder()
          .withReconciler(new ReadyingReconciler())
          .withKubernetesClient(SERVER.newClient())
          .withAdditionalCRD("crds/pipelines.kfp.jackhoman.com.yaml")
          .oneNamespacePerClass(true)
          .build();

  @Test
  void reconcilerAddsItsFinalizerAndWritesStatusThroughServerSideApply() {
    OPERATOR.create(pipeline("hello"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Pipeline stored = OPERATOR.get(Pipeline.class, "hello");
              assertThat(stored.getMetadata().getFinalizers()).hasSize(1);
              assertThat(stored.getStatus()).isNotNull();
              assertThat(stored.getStatus().getPipelineId()).isEqualTo("id-hello");
              assertThat(stored.getStatus().getObservedGeneration()).isEqualTo(1L);
            });
  }

  @Test
  void deletionRunsTheCleanerAndThenRemovesTheObject() {
    OPERATOR.create(pipeline("doomed"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> OPERATOR.get(Pipeline.class, "doomed").getStatus() != null);

    OPERATOR.delete(OPERATOR.get(Pipeline.class, "doomed"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(CLEANED_UP).contains("doomed");
              assertThat(OPERATOR.get(Pipeline.class, "doomed")).isNull();
            });
  }

  private static Pipeline pipeline(String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).build());
    pipeline.setSpec(new PipelineSpec());
    pipeline.getSpec().setDescription("a test pipeline");
    return pipeline;
  }

  /** Marks every Pipeline Ready with a made-up id, and records cleanups. */
  @ControllerConfiguration
  static class ReadyingReconciler implements Reconciler<Pipeline>, Cleaner<Pipeline> {

    @Override
    public UpdateControl<Pipeline> reconcile(Pipeline pipeline, Context<Pipeline> context) {
      Pipeline patch = new Pipeline();
      patch.setMetadata(
          new ObjectMetaBuilder()
              .withName(pipeline.getMetadata().getName())
              .withNamespace(pipeline.getMetadata().getNamespace())
              .build());
      PipelineStatus status = new PipelineStatus();
      status.setPipelineId("id-" + pipeline.getMetadata().getName());
      status.setObservedGeneration(pipeline.getMetadata().getGeneration());
      status.setConditions(
          List.of(
              new ConditionBuilder()
                  .withType("Ready")
                  .withStatus("True")
                  .withReason("Synced")
                  .withMessage("made up")
                  .withLastTransitionTime("2026-11-25T00:00:00Z")
                  .build()));
      patch.setStatus(status);
      return UpdateControl.patchStatus(patch);
    }

    @Override
    public DeleteControl cleanup(Pipeline pipeline, Context<Pipeline> context) {
      CLEANED_UP.add(pipeline.getMetadata().getName());
      return DeleteControl.defaultDelete();
    }
  }
}
