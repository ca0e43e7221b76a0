package com.jackhoman.kfp.releaser.kfp.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import com.jackhoman.kfp.releaser.emulator.ServedApis;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.ReadRetry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connector picks the REST generation the server serves and reads its release. */
class KfpConnectorTest {

  private final KfpConnector connector = new KfpConnector(wait -> {});

  @Test
  void autoPicksV2beta1WhenKfpServesIt() {
    try (KfpEmulator kfp = KfpEmulator.builder().apis(ServedApis.BOTH).start();
        KfpClient client = connector.connect(KfpEndpoint.of(kfp.url()), Optional.empty())) {

      assertThat(client.api()).isEqualTo(KfpApiVersion.V2BETA1);
      assertThat(client.health().check().api()).isEqualTo(KfpApiVersion.V2BETA1);
    }
  }

  @Test
  void autoFallsBackToV1beta1WhenTheV2HealthzIsNotFound() {
    try (KfpEmulator kfp = KfpEmulator.builder().apis(ServedApis.V1BETA1).start();
        KfpClient client = connector.connect(KfpEndpoint.of(kfp.url()), Optional.empty())) {

      assertThat(client.api()).isEqualTo(KfpApiVersion.V1BETA1);
      assertThat(client.health().check().api()).isEqualTo(KfpApiVersion.V1BETA1);
    }
  }

  @Test
  void anAskedGenerationIsUsedAfterOnlyItsHealthzIsAsked() {
    try (KfpEmulator kfp = KfpEmulator.builder().start();
        KfpClient client =
            connector.connect(KfpEndpoint.of(kfp.url()), Optional.of(KfpApiVersion.V1BETA1))) {

      assertThat(client.api()).isEqualTo(KfpApiVersion.V1BETA1);
      assertThat(kfp.log().entries())
          .extracting(LoggedRequest::path)
          .containsExactly("/apis/v1beta1/healthz");
    }
  }

  @Test
  void askingForV2beta1WhereKfpHasNoneFailsAsNotFound() {
    try (KfpEmulator kfp = KfpEmulator.builder().apis(ServedApis.V1BETA1).start()) {
      assertThatThrownBy(
              () ->
                  connector.connect(KfpEndpoint.of(kfp.url()), Optional.of(KfpApiVersion.V2BETA1)))
          .isInstanceOf(KfpNotFound.class);
    }
  }

  @Test
  void autoFailsAsUnavailableWhenKfpCannotBeReached() {
    KfpEndpoint nowhere =
        KfpEndpoint.of(URI.create("http://127.0.0.1:1"))
            .withReadRetry(new ReadRetry(1, Duration.ZERO, Duration.ZERO));

    assertThatThrownBy(() -> connector.connect(nowhere, Optional.empty()))
        .isInstanceOf(KfpUnavailable.class);
  }
}
