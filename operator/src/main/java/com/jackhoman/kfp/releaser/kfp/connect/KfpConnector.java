package com.jackhoman.kfp.releaser.kfp.connect;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpServerInfo;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.kfp.v1beta1.V1beta1Api;
import com.jackhoman.kfp.releaser.kfp.v2beta1.V2beta1Api;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a {@link KfpClient} for an endpoint in the asked REST generation, or, when none is asked
 * ({@code --kfp-api=auto}), the one the server has: v2beta1 unless its healthz answers 404 (KFP
 * 1.x). Either way the healthz release decides what the client does on that server ({@link
 * KfpFeatures}), and what it works around is said once in the log; connecting fails while KFP is
 * unavailable.
 */
public final class KfpConnector {

  private static final Logger LOG = LoggerFactory.getLogger(KfpConnector.class);

  private final Sleeper sleeper;

  /** A connector whose clients wait with this sleeper between read retries. */
  public KfpConnector(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** A client speaking {@code api}, or the generation probed from the server when empty. */
  public KfpClient connect(KfpEndpoint endpoint, Optional<KfpApiVersion> api) {
    KfpTransport transport = new KfpTransport(endpoint, sleeper);
    try {
      KfpServerInfo server = serverBehind(transport, api);
      KfpFeatures features = server.features();
      List<String> limitations = features.limitations();
      LOG.info(
          "Connected to KFP {} at {} over {}{}",
          server.release(),
          endpoint.baseUrl(),
          server.api().name().toLowerCase(Locale.ROOT),
          limitations.isEmpty() ? "" : "; this release has " + String.join("; ", limitations));
      return server.api() == KfpApiVersion.V1BETA1
          ? V1beta1Api.client(transport, features)
          : V2beta1Api.client(
              transport,
              features,
              (jobs, formats) -> V1beta1Api.recurringRuns(jobs, features, formats));
    } catch (RuntimeException connectFailed) {
      closeQuietly(transport, connectFailed);
      throw connectFailed;
    }
  }

  /**
   * What the healthz of the asked (else the probed) generation says; when it refuses the operator's
   * identity, a server of the newest release is assumed (said in the log), so that every object
   * shows the refusal in its own condition instead of the operator never starting.
   */
  private static KfpServerInfo serverBehind(KfpTransport transport, Optional<KfpApiVersion> api) {
    KfpApiVersion asked = api.orElse(KfpApiVersion.V2BETA1);
    try {
      if (api.isPresent()) {
        return new HealthCheck(transport, asked).check();
      }
      try {
        return new HealthCheck(transport, KfpApiVersion.V2BETA1).check();
      } catch (KfpNotFound noV2) {
        return new HealthCheck(transport, KfpApiVersion.V1BETA1).check();
      }
    } catch (KfpUnauthorized refused) {
      LOG.warn(
          "KFP's healthz refused the operator's identity ({}); assuming KFP {}. Every object will"
              + " show KFP's answer in its Ready condition until the identity is accepted",
          refused.getMessage(),
          KfpFeatures.NEWEST);
      return new KfpServerInfo(asked, KfpFeatures.NEWEST, "", false, "");
    }
  }

  private static void closeQuietly(KfpTransport transport, RuntimeException cause) {
    try {
      transport.close();
    } catch (IOException alsoFailed) {
      cause.addSuppressed(alsoFailed);
    }
  }
}
