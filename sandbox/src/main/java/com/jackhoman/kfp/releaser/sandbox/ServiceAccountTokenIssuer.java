package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * kube-apiserver's answer to a {@code TokenRequest} ({@code POST
 * .../serviceaccounts/<name>/token}), which it computes instead of storing: a new token for the
 * service account, for the asked audiences and lifetime (one hour by default). The tokens are
 * opaque {@code sa-token.<namespace>.<account>.<n>} strings, not signed JWTs.
 */
final class ServiceAccountTokenIssuer {

  private static final long DEFAULT_LIFETIME_SECONDS = 3600;

  private final Clock clock;
  private final AtomicLong issued = new AtomicLong();

  ServiceAccountTokenIssuer(Clock clock) {
    this.clock = clock;
  }

  /** Whether this request asks for a service account's token. */
  static boolean isAskedBy(ApiPath path) {
    return path.isCore()
        && "serviceaccounts".equals(path.resource())
        && path.name() != null
        && "token".equals(path.subresource());
  }

  /** The TokenRequest with its status: the token and when it expires. */
  MockResponse issue(ApiPath path, JsonNode request) {
    ObjectNode answered = request.deepCopy();
    answered.put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest");
    answered.withObject("metadata").put("name", path.name()).put("namespace", path.namespace());
    ObjectNode spec = answered.withObject("spec");
    long lifetime = spec.path("expirationSeconds").asLong(DEFAULT_LIFETIME_SECONDS);
    spec.put("expirationSeconds", lifetime);
    answered
        .putObject("status")
        .put(
            "token",
            "sa-token." + path.namespace() + "." + path.name() + "." + issued.incrementAndGet())
        .put(
            "expirationTimestamp",
            DateTimeFormatter.ISO_INSTANT.format(
                clock.instant().plusSeconds(lifetime).truncatedTo(ChronoUnit.SECONDS)));
    return ApiStatus.json(201, answered.toString());
  }
}
