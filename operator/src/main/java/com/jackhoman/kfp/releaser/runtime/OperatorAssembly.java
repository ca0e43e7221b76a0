package com.jackhoman.kfp.releaser.runtime;

import com.jackhoman.kfp.releaser.experiment.ExperimentReconciler;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.pipeline.PipelineReconciler;
import com.jackhoman.kfp.releaser.pipelineversion.PipelineVersionReconciler;
import com.jackhoman.kfp.releaser.recurringrun.RecurringRunReconciler;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.status.Conditions;
import com.jackhoman.kfp.releaser.status.EventRecorder;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.events.MoreThanStatusChanged;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the operator's reconcilers, one per kind, over one KFP client: the one place where the
 * operator's objects are wired together (the {@code run} command, the sandbox and the tests all use
 * it).
 */
public final class OperatorAssembly {

  private OperatorAssembly() {}

  /**
   * The reconcilers of the four kinds.
   *
   * @param client the connected KFP client; each reconciler acts through {@link KfpClient#in} with
   *     the identity of the KFP namespace of the object at hand
   * @param tenancy whether KFP is multi-user
   * @param settings drift period, clock and randomness
   * @param kubernetes the client events are recorded through
   */
  private static List<Reconciler<?>> reconcilers(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, KubernetesClient kubernetes) {
    ConditionReporter reporter =
        new ConditionReporter(
            new Conditions(settings.clock()), new EventRecorder(kubernetes, settings.clock()));
    return List.of(
        new PipelineReconciler(kfp, tenancy, settings, reporter),
        new PipelineVersionReconciler(kfp, tenancy, settings, reporter),
        new ExperimentReconciler(kfp, tenancy, settings, reporter),
        new RecurringRunReconciler(kfp, tenancy, settings, reporter));
  }

  /**
   * A JOSDK operator running the four reconcilers, configured as {@code run} configures it.
   *
   * @param process how the process runs: namespaces, threads, leader election, metrics
   */
  public static Operator operator(
      KubernetesClient kubernetes,
      KfpClient kfp,
      KfpTenancy tenancy,
      SyncSettings settings,
      OperatorSettings process) {
    Operator operator =
        new Operator(
            overrider -> {
              // Not server-side apply: JOSDK applies its finalizer with neither uid nor
              // resourceVersion, and an apply creates an object deleted a moment before anew.
              // Statuses are written by StatusUpdates, which says why.
              overrider
                  .withKubernetesClient(kubernetes)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withConcurrentReconciliationThreads(process.reconcileThreads())
                  .withMetrics(process.metrics());
              process.leaderElection().ifPresent(overrider::withLeaderElectionConfiguration);
            });
    Set<String> watched =
        process.namespaces().isEmpty() ? Constants.DEFAULT_NAMESPACES_SET : process.namespaces();
    for (Reconciler<?> reconciler : reconcilers(kfp, tenancy, settings, kubernetes)) {
      register(operator, reconciler, watched, process.selector());
    }
    return operator;
  }

  /**
   * Registers one of the four controllers, configured alike: the retry below, the watched
   * namespaces, the label selector of this operator's share of the objects, and not
   * generation-aware (the adopt annotation changes no generation, yet must be acted on) but
   * reconciling on an update only when more than the status changed.
   */
  private static <R extends HasMetadata> void register(
      Operator operator, Reconciler<R> reconciler, Set<String> watched, Optional<String> selector) {
    operator.register(
        reconciler,
        override -> {
          override
              .withRetry(retry())
              .settingNamespaces(watched)
              .withGenerationAware(false)
              .withOnUpdateFilter(new MoreThanStatusChanged<>());
          selector.ifPresent(override::withLabelSelector);
        });
  }

  /**
   * How failed reconciles are retried: exponentially from half a second, capped at a minute (so
   * that every object is back within a minute of KFP coming back), without giving up (terminal
   * failures stop retrying through their condition, not here).
   */
  public static Retry retry() {
    return new GenericRetry()
        .setInitialInterval(500)
        .setIntervalMultiplier(2)
        .setMaxInterval(60_000)
        .withoutMaxAttempts();
  }
}
