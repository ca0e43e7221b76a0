package com.jackhoman.kfp.releaser.kfp;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Everything the operator can do in KFP, one narrow interface per kind, over one connection. */
public record KfpClient(
    KfpApiVersion api,
    KfpPipelines pipelines,
    KfpPipelineVersions versions,
    KfpRecurringRuns recurringRuns,
    KfpExperiments experiments,
    KfpHealth health,
    Closeable connection)
    implements Closeable {

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
