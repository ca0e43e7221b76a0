package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersions;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.List;
import java.util.Optional;

/**
 * {@link KfpPipelineVersions} whose lookups are served by one listing per pipeline ({@link
 * KfpListing}). An upload refused as a conflict lists the pipeline again and answers with the
 * version that holds the name: the caller judges whose it is.
 */
final class ListedPipelineVersions implements KfpPipelineVersions {

  private final KfpPipelineVersions kfp;
  private final KfpListing<KfpPipelineVersion> listing;

  ListedPipelineVersions(KfpPipelineVersions kfp, SyncSettings settings) {
    this.kfp = kfp;
    this.listing = KfpListing.overDriftPeriod(kfp::list, settings);
  }

  @Override
  public Optional<KfpPipelineVersion> findByName(String pipelineId, String name) {
    return listing.named(pipelineId, name).stream().findFirst();
  }

  @Override
  public List<KfpPipelineVersion> findOwnedBy(String pipelineId, OwnerMark owner) {
    return listing.ownedBy(pipelineId, owner);
  }

  @Override
  public List<KfpPipelineVersion> list(String pipelineId) {
    return kfp.list(pipelineId);
  }

  @Override
  public KfpPipelineVersion get(String pipelineId, String versionId) {
    return kfp.get(pipelineId, versionId);
  }

  @Override
  public KfpPipelineVersion upload(NewPipelineVersion version) {
    return listing.createdOrHolder(version.pipelineId(), version.name(), () -> kfp.upload(version));
  }

  @Override
  public void delete(String pipelineId, String versionId) {
    listing.deleted(versionId, () -> kfp.delete(pipelineId, versionId));
  }

  /** Lists the pipeline's versions again before their next lookup (the pipeline went). */
  void forget(String pipelineId) {
    listing.forget(pipelineId);
  }
}
