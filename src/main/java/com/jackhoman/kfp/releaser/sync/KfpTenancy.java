package com.jackhoman.kfp.releaser.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Where in KFP an object's KFP objects live: in multi-user KFP, in the profile namespace of the
 * same name as the object's namespace; in single-user KFP, in the shared (empty) namespace.
 *
 * @param multiUser whether KFP runs in multi-user mode (its healthz says so)
 */
public record KfpTenancy(boolean multiUser) {

  /** The KFP namespace of the KFP objects of {@code owner}. */
  public String namespaceOf(HasMetadata owner) {
    return multiUser ? owner.getMetadata().getNamespace() : "";
  }
}
