package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.CapturedLog;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The KFP options verify TLS unless told not to, and say so loudly when told not to. */
class KfpOptionsTest {

  @Test
  void tlsIsVerifiedByDefaultWithoutAWarning() {
    try (CapturedLog log = CapturedLog.start()) {
      KfpEndpoint endpoint = parse("--kfp-url=https://kfp.example:8443").endpoint();

      assertThat(endpoint.insecureSkipTlsVerify()).isFalse();
      assertThat(log.text()).doesNotContain("WARN");
    }
  }

  @Test
  void skippingTlsVerificationIsLoggedAsAWarningNamingTheUrlAndTheFix() {
    try (CapturedLog log = CapturedLog.start()) {
      KfpEndpoint endpoint =
          parse("--kfp-url=https://kfp.example:8443", "--kfp-insecure-skip-tls-verify").endpoint();

      assertThat(endpoint.insecureSkipTlsVerify()).isTrue();
      assertThat(log.text())
          .contains("WARN")
          .contains("Skipping verification of KFP's TLS certificate")
          .contains("url=https://kfp.example:8443")
          .contains("--kfp-ca-file");
    }
  }

  private static KfpOptions parse(String... args) {
    return CommandLine.populateCommand(new KfpOptions(), args);
  }
}
