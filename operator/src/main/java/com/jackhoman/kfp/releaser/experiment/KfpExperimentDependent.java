package com.jackhoman.kfp.releaser.experiment;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.KfpExperiments;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.KfpRelease;
import com.jackhoman.kfp.releaser.sync.dependents.UniqueName;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.polling.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.polling.OwnedOrNamed;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KFP experiment of an Experiment, polled from KFP with all others of its KFP namespace. KFP
 * can create and delete an experiment but not update one, so this dependent creates and deletes
 * only.
 */
final class KfpExperimentDependent extends KfpPolledDependent<KfpExperiment, Experiment>
    implements Creator<KfpExperiment, Experiment>, Deleter<Experiment> {

  private static final OwnedOrNamed<KfpExperiment, Experiment> OWNED =
      new OwnedOrNamed<>(
          KfpExperiment::owner, KfpExperiment::name, OwnerMarks::of, OwnerMarks::kfpName);

  private final KfpClient kfp;

  KfpExperimentDependent(KfpClient kfp, KfpTenancy tenancy, SyncSettings settings) {
    super(KfpExperiment.class, "experiment", tenancy, settings, KfpExperiment::id);
    this.kfp = kfp;
  }

  @Override
  protected Map<ResourceID, Set<KfpExperiment>> fetchScope(
      String namespace, List<Experiment> experiments) {
    return OWNED.assignFirst(kfp.in(namespace).experiments().list(namespace), experiments);
  }

  @Override
  protected KfpExperiment desired(Experiment experiment, Context<Experiment> context) {
    ExperimentSpec spec = experiment.getSpec();
    return new KfpExperiment(
        null,
        OwnerMarks.kfpName(experiment),
        spec == null || spec.getDescription() == null ? "" : spec.getDescription(),
        tenancy.namespaceOf(experiment),
        Optional.of(OwnerMarks.of(experiment)),
        null);
  }

  @Override
  public KfpExperiment create(
      KfpExperiment desired, Experiment experiment, Context<Experiment> context) {
    return creates.create(
        experiment,
        () ->
            UniqueName.lookThenCreate(
                () -> find(experiment),
                () ->
                    experiments(experiment)
                        .create(
                            new NewExperiment(
                                desired.namespace(),
                                desired.name(),
                                desired.description(),
                                desired.owner().orElseThrow()))));
  }

  @Override
  protected void handleDelete(
      Experiment experiment, KfpExperiment inKfp, Context<Experiment> context) {
    KfpRelease.release(
        experiment,
        experiment.getSpec() != null
            && experiment.getSpec().getDeletionPolicy() == ExperimentSpec.DeletionPolicy.ORPHAN,
        inKfp,
        () -> find(experiment),
        KfpExperiment::owner,
        gone -> experiments(experiment).delete(gone.id()),
        creates);
  }

  /** The experiment of this name in KFP, looked up past the cache. */
  private Optional<KfpExperiment> find(Experiment experiment) {
    return experiments(experiment)
        .findByName(tenancy.namespaceOf(experiment), OwnerMarks.kfpName(experiment));
  }

  /** KFP's experiments, acting as the identity of the Experiment's KFP namespace. */
  private KfpExperiments experiments(Experiment experiment) {
    return kfp.in(tenancy.namespaceOf(experiment)).experiments();
  }
}
