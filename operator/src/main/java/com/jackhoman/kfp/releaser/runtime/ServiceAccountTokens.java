package com.jackhoman.kfp.releaser.runtime;

import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import com.jackhoman.kfp.releaser.kfp.http.NamespaceTokens;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for calling KFP as a service account of each namespace, so that multi-user KFP authorizes
 * every team's objects with that team's own rights: a Kubernetes TokenRequest for the account of
 * the same name in each namespace, with the audience KFP verifies, kept until four fifths of its
 * lifetime have passed and then requested anew.
 */
public final class ServiceAccountTokens implements NamespaceTokens {

  /** The audience KFP's API server accepts tokens for. */
  public static final String AUDIENCE = "pipelines.kubeflow.org";

  private static final Duration LIFETIME = Duration.ofHours(1);

  private final KubernetesClient kubernetes;
  private final String serviceAccount;
  private final Clock clock;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();

  /**
   * Tokens of {@code serviceAccount} in each namespace, requested through {@code kubernetes};
   * {@code clock} decides when a token is due for renewal.
   */
  public ServiceAccountTokens(KubernetesClient kubernetes, String serviceAccount, Clock clock) {
    this.kubernetes = kubernetes;
    this.serviceAccount = serviceAccount;
    this.clock = clock;
  }

  /**
   * The namespace's current token, requested when there is none or it is due for renewal.
   *
   * @throws KfpUnauthorized when Kubernetes issues none (no such account, or no right to ask)
   */
  @Override
  public String tokenFor(String namespace) {
    return issued
        .compute(
            namespace,
            (ns, current) ->
                current != null && clock.instant().isBefore(current.renewAt())
                    ? current
                    : request(ns))
        .token();
  }

  @Override
  public void refused(String namespace, String token) {
    issued.computeIfPresent(
        namespace, (ns, current) -> current.token().equals(token) ? null : current);
  }

  private Issued request(String namespace) {
    Instant now = clock.instant();
    TokenRequest answer;
    try {
      answer =
          kubernetes
              .serviceAccounts()
              .inNamespace(namespace)
              .withName(serviceAccount)
              .tokenRequest(
                  new TokenRequestBuilder()
                      .withNewSpec()
                      .withAudiences(AUDIENCE)
                      .withExpirationSeconds(LIFETIME.toSeconds())
                      .endSpec()
                      .build());
    } catch (KubernetesClientException refused) {
      throw new KfpUnauthorized(
          0,
          "Could not get a KFP token for namespace "
              + namespace
              + " from its service account "
              + serviceAccount
              + " (HTTP "
              + refused.getCode()
              + "). Create that service account in the namespace and let the operator create"
              + " its tokens (serviceaccounts/token)");
    }
    Instant expires = Instant.parse(answer.getStatus().getExpirationTimestamp());
    Instant end = expires.isBefore(now.plus(LIFETIME)) ? expires : now.plus(LIFETIME);
    Duration usable = Duration.between(now, end).multipliedBy(4).dividedBy(5);
    return new Issued(answer.getStatus().getToken(), now.plus(usable));
  }

  /** A token and when to ask for the next one. */
  private record Issued(String token, Instant renewAt) {}
}
