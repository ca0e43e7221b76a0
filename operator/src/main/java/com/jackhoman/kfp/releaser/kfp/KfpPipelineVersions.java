package com.jackhoman.kfp.releaser.kfp;

import java.util.List;
import java.util.Optional;

/** KFP pipeline versions: uploaded packages, immutable once in KFP. */
public interface KfpPipelineVersions {

  /** The version with this name under the pipeline, if any. */
  Optional<KfpPipelineVersion> findByName(String pipelineId, String name);

  /** Every version under the pipeline that carries this owner's mark. */
  List<KfpPipelineVersion> findOwnedBy(String pipelineId, OwnerMark owner);

  /** Every version under the pipeline, oldest first. */
  List<KfpPipelineVersion> list(String pipelineId);

  /** The version with this id, or {@link KfpNotFound}; v1beta1 needs only the version id. */
  KfpPipelineVersion get(String pipelineId, String versionId);

  /** Uploads a package as a new version of an existing pipeline. */
  KfpPipelineVersion upload(NewPipelineVersion version);

  /** Deletes the version, or {@link KfpNotFound}. */
  void delete(String pipelineId, String versionId);
}
