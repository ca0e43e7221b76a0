package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.KfpExperiments;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.UniqueName;
import com.jackhoman.kfp.releaser.sync.polling.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.polling.OwnedOrNamed;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's default KFP experiment of a namespace, for RecurringRuns that name no Experiment:
 * found by its name, created when missing, and deleted with the last RecurringRun of the namespace
 * that uses it (after that one's KFP recurring run), so that deleting everything leaves KFP empty.
 * Its name {@code <namespace>/kfp-releaser:default} holds a colon, which no Kubernetes name does,
 * so it cannot collide with the KFP experiment of an Experiment; its mark names the namespace, not
 * one object.
 */
final class DefaultExperimentDependent extends KfpPolledDependent<KfpExperiment, RecurringRun>
    implements Creator<KfpExperiment, RecurringRun>, Deleter<RecurringRun> {

  private static final OwnedOrNamed<KfpExperiment, RecurringRun> OWNED =
      new OwnedOrNamed<>(
          KfpExperiment::owner,
          KfpExperiment::name,
          DefaultExperimentDependent::markOf,
          DefaultExperimentDependent::name);

  /** The name of the default experiment after the namespace and its slash. */
  static final String NAME = "kfp-releaser:default";

  /** The uid a namespace-level mark carries, in place of one object's uid. */
  static final String NAMESPACE_UID = "namespace";

  private static final Logger LOG = LoggerFactory.getLogger(DefaultExperimentDependent.class);

  private final KfpClient kfp;

  DefaultExperimentDependent(KfpClient kfp, KfpTenancy tenancy, SyncSettings settings) {
    super(KfpExperiment.class, "default experiment", tenancy, settings, KfpExperiment::id);
    this.kfp = kfp;
  }

  /** Reconciles only for a RecurringRun that names no Experiment of its own. */
  @Override
  public ReconcileResult<KfpExperiment> reconcile(RecurringRun run, Context<RecurringRun> context) {
    return usesDefault(run) ? super.reconcile(run, context) : ReconcileResult.noOperation(null);
  }

  @Override
  protected Optional<String> scopeOf(RecurringRun run) {
    return usesDefault(run) ? Optional.of(tenancy.namespaceOf(run)) : Optional.empty();
  }

  @Override
  protected Map<ResourceID, Set<KfpExperiment>> fetchScope(
      String namespace, List<RecurringRun> runs) {
    return OWNED.assignFirst(experiments(runs.get(0)).list(namespace), runs);
  }

  @Override
  protected KfpExperiment desired(RecurringRun run, Context<RecurringRun> context) {
    return new KfpExperiment(
        null,
        name(run),
        "Runs of kfp-releaser RecurringRuns in namespace "
            + run.getMetadata().getNamespace()
            + " that name no Experiment",
        tenancy.namespaceOf(run),
        Optional.of(markOf(run)),
        null);
  }

  /** Creates the experiment unless another RecurringRun of the namespace just did. */
  @Override
  public KfpExperiment create(
      KfpExperiment desired, RecurringRun run, Context<RecurringRun> context) {
    return creates.create(run, () -> lookThenCreate(desired, run));
  }

  private KfpExperiment lookThenCreate(KfpExperiment desired, RecurringRun run) {
    KfpExperiments experiments = experiments(run);
    // A create refused because another RecurringRun of the namespace just made it answers with
    // that experiment.
    KfpExperiment created =
        UniqueName.lookThenCreate(
            () -> experiments.findByName(desired.namespace(), desired.name()),
            () ->
                experiments.create(
                    new NewExperiment(
                        desired.namespace(),
                        desired.name(),
                        desired.description(),
                        desired.owner().orElseThrow())));
    LOG.info(
        "Default KFP experiment created (or just made by another RecurringRun) id={} namespace={}",
        created.id(),
        run.getMetadata().getNamespace());
    return created;
  }

  /**
   * Deletes the default experiment with the last RecurringRun of the namespace using it; any other
   * one that is not being deleted keeps it. Only an experiment carrying the namespace's mark goes.
   */
  @Override
  protected void handleDelete(
      RecurringRun run, KfpExperiment inKfp, Context<RecurringRun> context) {
    if (!usesDefault(run) || stillUsed(run, context)) {
      return;
    }
    OwnerMark mark = markOf(run);
    Optional.ofNullable(inKfp)
        .or(() -> experiments(run).findByName(tenancy.namespaceOf(run), name(run)))
        .filter(experiment -> mark.is(experiment.owner()))
        .ifPresent(
            experiment -> {
              try {
                experiments(run).delete(experiment.id());
                LOG.info(
                    "Deleted the default KFP experiment id={} namespace={}: its last RecurringRun"
                        + " {} is gone",
                    experiment.id(),
                    run.getMetadata().getNamespace(),
                    run.getMetadata().getName());
              } catch (KfpNotFound alreadyGone) {
                // another RecurringRun deleted at the same time took it
              }
            });
  }

  private static boolean stillUsed(RecurringRun run, Context<RecurringRun> context) {
    return context
        .getPrimaryCache()
        .list(run.getMetadata().getNamespace())
        .anyMatch(
            other ->
                usesDefault(other)
                    && other.getMetadata().getDeletionTimestamp() == null
                    && !other.getMetadata().getUid().equals(run.getMetadata().getUid()));
  }

  /** Met when the RecurringRun names its own Experiment, or the default one exists. */
  DetailedCondition<KfpExperiment, RecurringRun, String> found() {
    return (node, run, context) ->
        DetailedCondition.Result.withResult(
            !usesDefault(run) || node.getSecondaryResource(run, context).isPresent(),
            "the default KFP experiment \"" + name(run) + "\" to be created");
  }

  /** KFP's experiments, acting as the identity of the RecurringRun's namespace. */
  private KfpExperiments experiments(RecurringRun run) {
    return kfp.in(tenancy.namespaceOf(run)).experiments();
  }

  private static boolean usesDefault(RecurringRun run) {
    return run.getSpec() == null || run.getSpec().getExperimentRef() == null;
  }

  private static OwnerMark markOf(RecurringRun run) {
    return new OwnerMark(run.getMetadata().getNamespace(), NAME, NAMESPACE_UID);
  }

  private static String name(RecurringRun run) {
    return run.getMetadata().getNamespace() + "/" + NAME;
  }
}
