package com.jackhoman.kfp.releaser.kfp.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.ServedApis;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;
import com.jackhoman.kfp.releaser.kfp.http.ReadRetry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connector picks the REST generation and the pipeline mark place the server supports. */
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
  void anAskedGenerationIsUsedWithoutProbing() {
    try (KfpEmulator kfp = KfpEmulator.builder().start();
        KfpClient client =
            connector.connect(KfpEndpoint.of(kfp.url()), Optional.of(KfpApiVersion.V1BETA1))) {

      assertThat(client.api()).isEqualTo(KfpApiVersion.V1BETA1);
      assertThat(kfp.log().entries()).isEmpty();
    }
  }

  @Test
  void v2beta1PipelinesCarryTagsOnlyFromKfp217On() {
    assertThat(KfpConnector.pipelineMarksOn("2.17.0")).isEqualTo(MarkPlace.TAGS);
    assertThat(KfpConnector.pipelineMarksOn("v2.18.1")).isEqualTo(MarkPlace.TAGS);
    assertThat(KfpConnector.pipelineMarksOn("3.0.0")).isEqualTo(MarkPlace.TAGS);
    assertThat(KfpConnector.pipelineMarksOn("dev")).isEqualTo(MarkPlace.TAGS);
    assertThat(KfpConnector.pipelineMarksOn("2.16.2")).isEqualTo(MarkPlace.DESCRIPTION);
    assertThat(KfpConnector.pipelineMarksOn("2.5.0")).isEqualTo(MarkPlace.DESCRIPTION);
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
