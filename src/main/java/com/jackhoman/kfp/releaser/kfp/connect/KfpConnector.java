package com.jackhoman.kfp.releaser.kfp.connect;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.kfp.v1beta1.V1beta1Api;
import com.jackhoman.kfp.releaser.kfp.v2beta1.V2beta1Api;
import java.util.Optional;

/**
 * Opens a {@link KfpClient} for an endpoint in the asked REST generation, or, when none is asked
 * ({@code --kfp-api=auto}), the one the server has: v2beta1 unless its healthz answers 404.
 */
public final class KfpConnector {

  private final Sleeper sleeper;

  /** A connector whose clients wait with this sleeper between read retries. */
  public KfpConnector(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** A client speaking {@code api}, or the generation probed from the server when empty. */
  public KfpClient connect(KfpEndpoint endpoint, Optional<KfpApiVersion> api) {
    KfpTransport transport = new KfpTransport(endpoint, sleeper);
    KfpApiVersion chosen;
    try {
      chosen = api.orElseGet(() -> probe(transport));
    } catch (RuntimeException probeFailed) {
      closeQuietly(transport, probeFailed);
      throw probeFailed;
    }
    return chosen == KfpApiVersion.V2BETA1
        ? V2beta1Api.client(transport)
        : V1beta1Api.client(transport);
  }

  private static void closeQuietly(KfpTransport transport, RuntimeException cause) {
    try {
      transport.close();
    } catch (java.io.IOException alsoFailed) {
      cause.addSuppressed(alsoFailed);
    }
  }

  private static KfpApiVersion probe(KfpTransport transport) {
    try {
      new HealthCheck(transport, KfpApiVersion.V2BETA1).check();
      return KfpApiVersion.V2BETA1;
    } catch (KfpNotFound noV2) {
      return KfpApiVersion.V1BETA1;
    }
  }
}
