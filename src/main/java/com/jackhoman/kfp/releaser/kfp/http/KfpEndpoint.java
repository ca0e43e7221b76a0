package com.jackhoman.kfp.releaser.kfp.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where KFP is and how to talk to it: base URL (with any {@code /pipeline} prefix), auth, TLS,
 * timeouts, pool size, read retries and the page size of list calls.
 */
public record KfpEndpoint(
    URI baseUrl,
    Optional<Path> tokenFile,
    Optional<String> userId,
    Optional<Path> caBundle,
    boolean insecureSkipTlsVerify,
    Duration connectTimeout,
    Duration responseTimeout,
    int maxConnections,
    ReadRetry readRetry,
    int pageSize) {

  /** An endpoint with no auth, system TLS trust and production defaults for the rest. */
  public static KfpEndpoint of(URI baseUrl) {
    return new KfpEndpoint(
        baseUrl,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        20,
        ReadRetry.standard(),
        200);
  }

  /** Sends the bearer token held in this file (re-read when it changes). */
  public KfpEndpoint withTokenFile(Path file) {
    return new KfpEndpoint(
        baseUrl,
        Optional.of(file),
        userId,
        caBundle,
        insecureSkipTlsVerify,
        connectTimeout,
        responseTimeout,
        maxConnections,
        readRetry,
        pageSize);
  }

  /** Sends this identity in the {@code kubeflow-userid} header. */
  public KfpEndpoint withUserId(String user) {
    return new KfpEndpoint(
        baseUrl,
        tokenFile,
        Optional.of(user),
        caBundle,
        insecureSkipTlsVerify,
        connectTimeout,
        responseTimeout,
        maxConnections,
        readRetry,
        pageSize);
  }

  /** Trusts the certificates in this PEM file instead of the system's. */
  public KfpEndpoint withCaBundle(Path pemFile) {
    return new KfpEndpoint(
        baseUrl,
        tokenFile,
        userId,
        Optional.of(pemFile),
        insecureSkipTlsVerify,
        connectTimeout,
        responseTimeout,
        maxConnections,
        readRetry,
        pageSize);
  }

  /** Accepts any server certificate and host name: an explicit, insecure choice. */
  public KfpEndpoint withInsecureSkipTlsVerify() {
    return new KfpEndpoint(
        baseUrl,
        tokenFile,
        userId,
        caBundle,
        true,
        connectTimeout,
        responseTimeout,
        maxConnections,
        readRetry,
        pageSize);
  }

  /** Uses these connect and response timeouts on every call. */
  public KfpEndpoint withTimeouts(Duration connect, Duration response) {
    return new KfpEndpoint(
        baseUrl,
        tokenFile,
        userId,
        caBundle,
        insecureSkipTlsVerify,
        connect,
        response,
        maxConnections,
        readRetry,
        pageSize);
  }

  /** Retries idempotent reads this way. */
  public KfpEndpoint withReadRetry(ReadRetry retry) {
    return new KfpEndpoint(
        baseUrl,
        tokenFile,
        userId,
        caBundle,
        insecureSkipTlsVerify,
        connectTimeout,
        responseTimeout,
        maxConnections,
        retry,
        pageSize);
  }

  /** Asks list calls for pages of this size (KFP clamps at 200). */
  public KfpEndpoint withPageSize(int size) {
    return new KfpEndpoint(
        baseUrl,
        tokenFile,
        userId,
        caBundle,
        insecureSkipTlsVerify,
        connectTimeout,
        responseTimeout,
        maxConnections,
        readRetry,
        size);
  }
}
