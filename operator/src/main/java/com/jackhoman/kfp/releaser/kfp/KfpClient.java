package com.jackhoman.kfp.releaser.kfp;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the operator can do in KFP, one narrow interface per kind, over one connection.
 *
 * @param features what the KFP release behind the client can do
 * @param actingIn the same client with the identity of a KFP namespace, where that differs
 */
public record KfpClient(
    KfpApiVersion api,
    KfpFeatures features,
    KfpPipelines pipelines,
    KfpPipelineVersions versions,
    KfpRecurringRuns recurringRuns,
    KfpExperiments experiments,
    KfpHealth health,
    Closeable connection,
    Function<String, Optional<KfpClient>> actingIn)
    implements Closeable {

  /**
   * This client acting for objects of a KFP namespace: with that namespace's own token when the
   * operator has one per namespace (multi-user KFP then applies that team's RBAC), else this very
   * client. It shares this client's connections; close only this one.
   */
  public KfpClient in(String namespace) {
    return actingIn.apply(namespace).orElse(this);
  }

  /** Releases the pooled connections. */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException closeFailed) {
      throw new UncheckedIOException(closeFailed);
    }
  }
}
