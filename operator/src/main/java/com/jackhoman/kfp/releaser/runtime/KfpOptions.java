package com.jackhoman.kfp.releaser.runtime;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The command-line options (and environment variables) that say how to reach KFP. */
public final class KfpOptions {

  /** Which REST generation to speak. */
  public enum Api {
    v1beta1,
    v2beta1,
    auto
  }

  @Option(
      names = "--kfp-url",
      paramLabel = "URL",
      defaultValue = "${env:KFP_URL:-http://ml-pipeline.kubeflow:8888}",
      description = "The KFP API server (env KFP_URL; default ${DEFAULT-VALUE}).")
  URI url;

  @Option(
      names = "--kfp-api",
      paramLabel = "API",
      defaultValue = "${env:KFP_API:-auto}",
      description =
          "v1beta1, v2beta1, or auto: v2beta1 when KFP answers /apis/v2beta1/healthz (env"
              + " KFP_API; default ${DEFAULT-VALUE}).")
  Api api;

  @Option(
      names = "--kfp-token-file",
      paramLabel = "FILE",
      defaultValue = "${env:KFP_TOKEN_FILE}",
      description =
          "A bearer token file, re-read when it changes, e.g. a projected service-account token"
              + " with audience pipelines.kubeflow.org (env KFP_TOKEN_FILE).")
  Path tokenFile;

  @Option(
      names = "--kfp-namespace-token-service-account",
      paramLabel = "NAME",
      defaultValue = "${env:KFP_NAMESPACE_TOKEN_SERVICE_ACCOUNT}",
      description =
          "Multi-user KFP: about the objects of each namespace, call KFP with a token of the"
              + " service account NAME of that namespace (audience pipelines.kubeflow.org), so"
              + " KFP applies that team's rights (env KFP_NAMESPACE_TOKEN_SERVICE_ACCOUNT).")
  String namespaceTokenServiceAccount;

  @Option(
      names = "--kfp-user",
      paramLabel = "USER",
      defaultValue = "${env:KFP_USER}",
      description =
          "The kubeflow-userid header for multi-user KFP behind its proxy (env KFP_USER).")
  String user;

  @Option(
      names = "--kfp-ca-file",
      paramLabel = "FILE",
      defaultValue = "${env:KFP_CA_FILE}",
      description = "A PEM bundle of the CAs that sign KFP's certificate (env KFP_CA_FILE).")
  Path caFile;

  @Option(
      names = "--kfp-insecure-skip-tls-verify",
      description =
          "Accept any certificate from KFP (logged as a warning at start). Only for testing.")
  boolean insecure;

  /**
   * The endpoint these options describe; logs a warning when it skips TLS verification (TLS is
   * verified unless asked not to).
   */
  public KfpEndpoint endpoint() {
    KfpEndpoint.Builder builder = KfpEndpoint.builder(url);
    if (tokenFile != null) {
      builder.tokenFile(tokenFile);
    }
    if (user != null && !user.isBlank()) {
      builder.userId(user);
    }
    if (caFile != null) {
      builder.caBundle(caFile);
    }
    if (insecure) {
      // Looked up here, not in a static field: picocli builds this mixin before the sandbox turns
      // its logging down, and SLF4J's simple logger reads its levels once, with its first logger.
      Logger log = LoggerFactory.getLogger(KfpOptions.class);
      log.warn(
          "Skipping verification of KFP's TLS certificate url={}: anyone on the network path can"
              + " pose as KFP and read its token; give KFP's CA with --kfp-ca-file and drop"
              + " --kfp-insecure-skip-tls-verify",
          url);
      builder.insecureSkipTlsVerify();
    }
    return builder.build();
  }

  /** The service account whose per-namespace tokens to call KFP with, if any. */
  public Optional<String> namespaceTokenServiceAccount() {
    return Optional.ofNullable(namespaceTokenServiceAccount).filter(name -> !name.isBlank());
  }

  /** The REST generation to speak, or empty to probe. */
  public Optional<KfpApiVersion> apiVersion() {
    return switch (api) {
      case v1beta1 -> Optional.of(KfpApiVersion.V1BETA1);
      case v2beta1 -> Optional.of(KfpApiVersion.V2BETA1);
      case auto -> Optional.empty();
    };
  }
}
