package com.jackhoman.kfp.releaser.kfp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpServerInfo;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.http.StubKfp.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client trusts exactly the certificates it was told to, unless verification is skipped. */
class KfpTlsTest {

  @TempDir Path dir;

  private final SelfSignedCertificate serverCertificate = SelfSignedCertificate.forLocalhost();
  private StubKfp kfp;

  @BeforeEach
  void startHttpsStub() throws GeneralSecurityException, IOException {
    kfp =
        StubKfp.https(serverCertificate.serverContext())
            .byDefaultAnswer(Answer.json(200, "{\"tag_name\":\"2.17.0\",\"multi_user\":false}"));
  }

  @AfterEach
  void stopStub() {
    kfp.close();
  }

  @Test
  void trustsKfpWhoseCertificateIsInTheCaBundle() throws Exception {
    Path bundle = serverCertificate.writePem(dir.resolve("ca.pem"));

    KfpServerInfo info = check(KfpEndpoint.of(kfp.url()).withCaBundle(bundle));

    assertThat(info.release()).isEqualTo("2.17.0");
  }

  @Test
  void refusesACertificateTheSystemDoesNotTrust() {
    assertThatThrownBy(() -> check(KfpEndpoint.of(kfp.url())))
        .isInstanceOf(KfpUnavailable.class)
        .hasCauseInstanceOf(SSLException.class);
  }

  @Test
  void refusesACertificateOutsideTheGivenCaBundle() throws Exception {
    Path otherBundle = SelfSignedCertificate.forLocalhost().writePem(dir.resolve("other.pem"));

    assertThatThrownBy(() -> check(KfpEndpoint.of(kfp.url()).withCaBundle(otherBundle)))
        .isInstanceOf(KfpUnavailable.class)
        .hasCauseInstanceOf(SSLException.class);
  }

  @Test
  void acceptsAnUntrustedCertificateOnlyWhenVerificationIsExplicitlySkipped() throws IOException {
    KfpServerInfo info = check(KfpEndpoint.of(kfp.url()).withInsecureSkipTlsVerify());

    assertThat(info.release()).isEqualTo("2.17.0");
  }

  private static KfpServerInfo check(KfpEndpoint endpoint) throws IOException {
    KfpEndpoint once = endpoint.withReadRetry(new ReadRetry(1, Duration.ZERO, Duration.ZERO));
    try (KfpTransport transport = new KfpTransport(once, wait -> {})) {
      return new HealthCheck(transport, KfpApiVersion.V2BETA1).check();
    }
  }
}
