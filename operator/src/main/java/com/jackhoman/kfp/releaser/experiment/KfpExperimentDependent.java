package com.jackhoman.kfp.releaser.experiment;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
import com.jackhoman.kfp.releaser.sync.KfpLookup;
import com.jackhoman.kfp.releaser.sync.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.KfpRelease;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import java.util.Optional;
import java.util.Set;

/**
 * The KFP experiment of an Experiment, polled from KFP. KFP can create and delete an experiment but
 * not update one, so this dependent creates and deletes only. It looks the experiment up by our
 * mark, then by its derived name, before every create, so a lost response never makes a second.
 */
final class KfpExperimentDependent extends KfpPolledDependent<KfpExperiment, Experiment>
    implements Creator<KfpExperiment, Experiment>, Deleter<Experiment> {

  private final KfpClient kfp;
  private final KfpTenancy tenancy;

  KfpExperimentDependent(KfpClient kfp, KfpTenancy tenancy, SyncSettings settings) {
    super(KfpExperiment.class, "experiment", settings);
    this.kfp = kfp;
    this.tenancy = tenancy;
  }

  @Override
  protected Set<KfpExperiment> fetchFromKfp(Experiment experiment) {
    return find(experiment).map(Set::of).orElse(Set.of());
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
            find(experiment)
                .orElseGet(
                    () ->
                        kfp.in(desired.namespace())
                            .experiments()
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
        gone -> kfp.in(tenancy.namespaceOf(experiment)).experiments().delete(gone.id()),
        creates);
  }

  private Optional<KfpExperiment> find(Experiment experiment) {
    String namespace = tenancy.namespaceOf(experiment);
    return KfpLookup.markThenName(
        () -> kfp.in(namespace).experiments().findOwnedBy(namespace, OwnerMarks.of(experiment)),
        () ->
            kfp.in(namespace).experiments().findByName(namespace, OwnerMarks.kfpName(experiment)));
  }
}
