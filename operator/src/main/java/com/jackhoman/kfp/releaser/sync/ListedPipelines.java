package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipelines;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link KfpPipelines} whose lookups are served by one listing per namespace ({@link KfpListing}).
 * A create refused as a conflict lists the namespace again and answers with the pipeline that holds
 * the name, as a lookup just before the create would have: the caller judges whose it is.
 */
final class ListedPipelines implements KfpPipelines {

  private final KfpPipelines kfp;
  private final KfpListing<KfpPipeline> listing;
  private final ListedPipelineVersions versions;

  ListedPipelines(KfpPipelines kfp, ListedPipelineVersions versions, SyncSettings settings) {
    this.kfp = kfp;
    this.versions = versions;
    this.listing = KfpListing.overDriftPeriod(kfp::list, settings);
  }

  @Override
  public List<KfpPipeline> list(String namespace) {
    return kfp.list(namespace);
  }

  @Override
  public Optional<KfpPipeline> findByName(String namespace, String name) {
    return listing.named(namespace, name).stream().findFirst();
  }

  @Override
  public List<KfpPipeline> findOwnedBy(String namespace, OwnerMark owner) {
    return listing.ownedBy(namespace, owner);
  }

  @Override
  public KfpPipeline get(String id) {
    return kfp.get(id);
  }

  @Override
  public KfpPipeline create(NewPipeline pipeline) {
    return createOrFind(pipeline, () -> kfp.create(pipeline));
  }

  @Override
  public KfpPipeline upload(NewPipeline pipeline, String packageYaml) {
    return createOrFind(pipeline, () -> kfp.upload(pipeline, packageYaml));
  }

  private KfpPipeline createOrFind(NewPipeline pipeline, Supplier<KfpPipeline> create) {
    return listing.createdOrHolder(pipeline.namespace(), pipeline.name(), create);
  }

  @Override
  public boolean createsWithoutPackage() {
    return kfp.createsWithoutPackage();
  }

  @Override
  public void delete(String id) {
    listing.deleted(id, () -> kfp.delete(id));
    versions.forget(id);
  }
}
