package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.KfpExperiments;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.List;
import java.util.Optional;

/**
 * {@link KfpExperiments} whose lookups are served by one listing per namespace ({@link
 * KfpListing}). A create refused as a conflict lists the namespace again and answers with the
 * experiment that holds the name: the caller judges whose it is.
 */
final class ListedExperiments implements KfpExperiments {

  private final KfpExperiments kfp;
  private final KfpListing<KfpExperiment> listing;

  ListedExperiments(KfpExperiments kfp, SyncSettings settings) {
    this.kfp = kfp;
    this.listing = KfpListing.overDriftPeriod(kfp::list, settings);
  }

  @Override
  public List<KfpExperiment> list(String namespace) {
    return kfp.list(namespace);
  }

  @Override
  public Optional<KfpExperiment> findByName(String namespace, String name) {
    return listing.named(namespace, name).stream().findFirst();
  }

  @Override
  public List<KfpExperiment> findOwnedBy(String namespace, OwnerMark owner) {
    return listing.ownedBy(namespace, owner);
  }

  @Override
  public KfpExperiment get(String id) {
    return kfp.get(id);
  }

  @Override
  public KfpExperiment create(NewExperiment experiment) {
    return listing.createdOrHolder(
        experiment.namespace(), experiment.name(), () -> kfp.create(experiment));
  }

  @Override
  public void delete(String id) {
    listing.deleted(id, () -> kfp.delete(id));
  }
}
