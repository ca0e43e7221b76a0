package com.jackhoman.kfp.releaser.kfp.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Where KFP is and how to talk to it: base URL (with any {@code /pipeline} prefix), auth (the
 * operator's token file, and optionally a token per namespace), TLS, timeouts, pool size, read
 * retries, the page size of list calls, who hears of each call, and whether writes may be sent now
 * (a replica that lost its Lease sends none).
 */
public record KfpEndpoint(
    URI baseUrl,
    Optional<Path> tokenFile,
    Optional<NamespaceTokens> namespaceTokens,
    Optional<String> userId,
    Optional<Path> caBundle,
    boolean insecureSkipTlsVerify,
    Duration connectTimeout,
    Duration responseTimeout,
    int maxConnections,
    ReadRetry readRetry,
    int pageSize,
    KfpCallObserver callObserver,
    BooleanSupplier mayWrite) {

  /** An endpoint with no auth, system TLS trust and production defaults for the rest. */
  public static KfpEndpoint of(URI baseUrl) {
    return builder(baseUrl).build();
  }

  /**
   * A builder starting from the defaults of {@link #of(URI)}.
   *
   * @throws IllegalArgumentException when the URL carries credentials, which would end up in logs
   */
  public static Builder builder(URI baseUrl) {
    return new Builder(baseUrl);
  }

  /** A builder starting from this endpoint. */
  public Builder toBuilder() {
    Builder builder = new Builder(baseUrl);
    builder.tokenFile = tokenFile;
    builder.namespaceTokens = namespaceTokens;
    builder.userId = userId;
    builder.caBundle = caBundle;
    builder.insecureSkipTlsVerify = insecureSkipTlsVerify;
    builder.callObserver = callObserver;
    builder.connectTimeout = connectTimeout;
    builder.responseTimeout = responseTimeout;
    builder.maxConnections = maxConnections;
    builder.readRetry = readRetry;
    builder.pageSize = pageSize;
    builder.mayWrite = mayWrite;
    return builder;
  }

  /** Sends the bearer token held in this file (re-read when it changes). */
  public KfpEndpoint withTokenFile(Path file) {
    return toBuilder().tokenFile(file).build();
  }

  /**
   * About objects of a KFP namespace, sends that namespace's token from {@code tokens} instead (see
   * {@link KfpTransport#actingIn}).
   */
  public KfpEndpoint withNamespaceTokens(NamespaceTokens tokens) {
    return toBuilder().namespaceTokens(tokens).build();
  }

  /** Sends this identity in the {@code kubeflow-userid} header. */
  public KfpEndpoint withUserId(String user) {
    return toBuilder().userId(user).build();
  }

  /** Trusts the certificates in this PEM file instead of the system's. */
  public KfpEndpoint withCaBundle(Path pemFile) {
    return toBuilder().caBundle(pemFile).build();
  }

  /** Accepts any server certificate and host name: an explicit, insecure choice. */
  public KfpEndpoint withInsecureSkipTlsVerify() {
    return toBuilder().insecureSkipTlsVerify().build();
  }

  /** Uses these connect and response timeouts on every call. */
  public KfpEndpoint withTimeouts(Duration connect, Duration response) {
    return toBuilder().timeouts(connect, response).build();
  }

  /** Retries idempotent reads this way. */
  public KfpEndpoint withReadRetry(ReadRetry retry) {
    return toBuilder().readRetry(retry).build();
  }

  /** Asks list calls for pages of this size (KFP clamps at 200). */
  public KfpEndpoint withPageSize(int size) {
    return toBuilder().pageSize(size).build();
  }

  /** Collects the settings of an endpoint; every one has a production default. */
  public static final class Builder {
    private final URI baseUrl;
    private Optional<Path> tokenFile = Optional.empty();
    private Optional<NamespaceTokens> namespaceTokens = Optional.empty();
    private Optional<String> userId = Optional.empty();
    private Optional<Path> caBundle = Optional.empty();
    private boolean insecureSkipTlsVerify;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private int maxConnections = 20;
    private ReadRetry readRetry = ReadRetry.standard();
    private int pageSize = 200;
    private KfpCallObserver callObserver = KfpCallObserver.none();
    private BooleanSupplier mayWrite = () -> true;

    private Builder(URI baseUrl) {
      if (baseUrl.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "The KFP URL carries credentials before its host (user:password@); remove them and"
                + " give the token in a token file instead");
      }
      this.baseUrl = baseUrl;
    }

    /** See {@link KfpEndpoint#withTokenFile}. */
    public Builder tokenFile(Path file) {
      tokenFile = Optional.of(file);
      return this;
    }

    /** See {@link KfpEndpoint#withNamespaceTokens}. */
    public Builder namespaceTokens(NamespaceTokens tokens) {
      namespaceTokens = Optional.of(tokens);
      return this;
    }

    /** See {@link KfpEndpoint#withUserId}. */
    public Builder userId(String user) {
      userId = Optional.of(user);
      return this;
    }

    /** See {@link KfpEndpoint#withCaBundle}. */
    public Builder caBundle(Path pemFile) {
      caBundle = Optional.of(pemFile);
      return this;
    }

    /** See {@link KfpEndpoint#withInsecureSkipTlsVerify}. */
    public Builder insecureSkipTlsVerify() {
      insecureSkipTlsVerify = true;
      return this;
    }

    /** See {@link KfpEndpoint#withTimeouts}. */
    public Builder timeouts(Duration connect, Duration response) {
      connectTimeout = connect;
      responseTimeout = response;
      return this;
    }

    /** The most connections kept open to KFP at once. */
    public Builder maxConnections(int connections) {
      maxConnections = connections;
      return this;
    }

    /** See {@link KfpEndpoint#withReadRetry}. */
    public Builder readRetry(ReadRetry retry) {
      readRetry = retry;
      return this;
    }

    /** See {@link KfpEndpoint#withPageSize}. */
    public Builder pageSize(int size) {
      pageSize = size;
      return this;
    }

    /** Who hears of every call, e.g. a metrics recorder. */
    public Builder callObserver(KfpCallObserver observer) {
      callObserver = observer;
      return this;
    }

    /**
     * Sends a write (any call but a GET) only while {@code gate} says so; refused writes fail as
     * {@code KfpUnavailable} before anything is sent.
     */
    public Builder writesOnlyWhile(BooleanSupplier gate) {
      mayWrite = gate;
      return this;
    }

    /** The endpoint. */
    public KfpEndpoint build() {
      return new KfpEndpoint(
          baseUrl,
          tokenFile,
          namespaceTokens,
          userId,
          caBundle,
          insecureSkipTlsVerify,
          connectTimeout,
          responseTimeout,
          maxConnections,
          readRetry,
          pageSize,
          callObserver,
          mayWrite);
    }
  }
}
