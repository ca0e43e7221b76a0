package com.jackhoman.kfp.releaser.kfp;

import java.util.List;
import java.util.Optional;

/**
 * KFP experiments: the groups recurring runs live in. Namespace {@code ""} means single-user KFP.
 */
public interface KfpExperiments {

  /** The experiment with this unique name in the namespace, if any. */
  Optional<KfpExperiment> findByName(String namespace, String name);

  /** Every experiment in the namespace. */
  List<KfpExperiment> list(String namespace);

  /** Every experiment in the namespace that carries this owner's mark. */
  List<KfpExperiment> findOwnedBy(String namespace, OwnerMark owner);

  /** The experiment with this id, or {@link KfpNotFound}. */
  KfpExperiment get(String id);

  /** Creates an experiment, or {@link KfpConflict} when the name is taken. */
  KfpExperiment create(NewExperiment experiment);

  /** Deletes the experiment, or {@link KfpNotFound}. */
  void delete(String id);
}
