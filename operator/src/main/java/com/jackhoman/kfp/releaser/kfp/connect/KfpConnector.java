package com.jackhoman.kfp.releaser.kfp.connect;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpServerInfo;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.kfp.v1beta1.V1beta1Api;
import com.jackhoman.kfp.releaser.kfp.v2beta1.V2beta1Api;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a {@link KfpClient} for an endpoint in the asked REST generation, or, when none is asked
 * ({@code --kfp-api=auto}), the one the server has: v2beta1 unless its healthz answers 404. For
 * v2beta1 the healthz release also decides whether pipelines can carry tags (KFP 2.17 on).
 */
public final class KfpConnector {

  private static final Pattern RELEASE = Pattern.compile("^v?(\\d+)\\.(\\d+)");

  private final Sleeper sleeper;

  /** A connector whose clients wait with this sleeper between read retries. */
  public KfpConnector(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /**
   * A client speaking {@code api}, or the generation probed from the server when empty; any v2beta1
   * connection asks KFP's healthz once, so it fails while KFP is unavailable.
   */
  public KfpClient connect(KfpEndpoint endpoint, Optional<KfpApiVersion> api) {
    KfpTransport transport = new KfpTransport(endpoint, sleeper);
    try {
      if (api.equals(Optional.of(KfpApiVersion.V1BETA1))) {
        return V1beta1Api.client(transport);
      }
      HealthCheck v2 = new HealthCheck(transport, KfpApiVersion.V2BETA1);
      Optional<KfpServerInfo> info = api.isPresent() ? Optional.of(v2.check()) : probe(v2);
      return info.map(server -> V2beta1Api.client(transport, pipelineMarksOn(server.release())))
          .orElseGet(() -> V1beta1Api.client(transport));
    } catch (RuntimeException connectFailed) {
      closeQuietly(transport, connectFailed);
      throw connectFailed;
    }
  }

  /** Where v2beta1 pipelines carry their owner on this KFP release: tags from 2.17 on. */
  static MarkPlace pipelineMarksOn(String release) {
    Matcher version = RELEASE.matcher(release == null ? "" : release);
    if (!version.find()) {
      return MarkPlace.TAGS;
    }
    int major = Integer.parseInt(version.group(1));
    int minor = Integer.parseInt(version.group(2));
    return major > 2 || (major == 2 && minor >= 17) ? MarkPlace.TAGS : MarkPlace.DESCRIPTION;
  }

  private static Optional<KfpServerInfo> probe(HealthCheck v2) {
    try {
      return Optional.of(v2.check());
    } catch (KfpNotFound noV2) {
      return Optional.empty();
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
