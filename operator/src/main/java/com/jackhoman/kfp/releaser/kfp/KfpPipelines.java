package com.jackhoman.kfp.releaser.kfp;

import java.util.List;
import java.util.Optional;

/** KFP pipelines: the containers of pipeline versions. Namespace {@code ""} means shared. */
public interface KfpPipelines {

  /** The pipeline with this unique name in the namespace, if any. */
  Optional<KfpPipeline> findByName(String namespace, String name);

  /** Every pipeline in the namespace. */
  List<KfpPipeline> list(String namespace);

  /** Every pipeline in the namespace that carries this owner's mark. */
  List<KfpPipeline> findOwnedBy(String namespace, OwnerMark owner);

  /** The pipeline with this id, or {@link KfpNotFound}. */
  KfpPipeline get(String id);

  /**
   * Creates a pipeline without any version; only where {@link #createsWithoutPackage()} is true.
   */
  KfpPipeline create(NewPipeline pipeline);

  /** Creates a pipeline together with its first version (same name) from a package. */
  KfpPipeline upload(NewPipeline pipeline, String packageYaml);

  /**
   * Whether this API can create a pipeline before it has a package (v2beta1 can, v1beta1 cannot).
   */
  boolean createsWithoutPackage();

  /**
   * Deletes the pipeline and its versions: in one call where the release cascades, else the
   * versions one by one first (KFP refuses to delete a pipeline that still has versions).
   */
  void delete(String id);
}
