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
    return namespaceFor(owner.getMetadata().getNamespace());
  }

  /**
   * The KFP namespace of the KFP objects of objects in the Kubernetes namespace {@code namespace}.
   */
  public String namespaceFor(String namespace) {
    return multiUser ? namespace : "";
  }
}
