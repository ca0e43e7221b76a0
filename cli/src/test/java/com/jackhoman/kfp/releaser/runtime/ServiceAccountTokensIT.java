package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.emulator.SettableClock;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import com.jackhoman.kfp.releaser.sandbox.FaithfulMockServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Per-namespace KFP tokens come from TokenRequests for the configured service account of each
 * namespace, are reused until due for renewal, and are replaced after KFP refuses one. Runs on the
 * faithful mock API server, whose tokens name their namespace, account and issue number.
 */
@DisabledIfSystemProperty(named = "kfp.test.cluster", matches = "real")
class ServiceAccountTokensIT {

  private final SettableClock clock = new SettableClock(Instant.now());
  private FaithfulMockServer server;
  private KubernetesClient client;
  private ServiceAccountTokens tokens;

  @BeforeEach
  void startServer() {
    server = FaithfulMockServer.start();
    client = server.newClient();
    for (String namespace : new String[] {"team-a", "team-b"}) {
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      client
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName("kfp-user")
                  .withNamespace(namespace)
                  .endMetadata()
                  .build())
          .create();
    }
    tokens = new ServiceAccountTokens(client, "kfp-user", clock);
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void eachNamespaceGetsATokenOfItsOwnAccountAndKeepsIt() {
    String teamA = tokens.tokenFor("team-a");

    assertThat(teamA).startsWith("sa-token.team-a.kfp-user.");
    assertThat(tokens.tokenFor("team-b")).startsWith("sa-token.team-b.kfp-user.");
    clock.advance(Duration.ofMinutes(47));
    assertThat(tokens.tokenFor("team-a")).isEqualTo(teamA);
  }

  @Test
  void aTokenIsRenewedOnceFourFifthsOfItsHourHavePassed() {
    String first = tokens.tokenFor("team-a");

    clock.advance(Duration.ofMinutes(49));

    assertThat(tokens.tokenFor("team-a")).isNotEqualTo(first).startsWith("sa-token.team-a.");
  }

  @Test
  void aRefusedTokenIsReplacedButAnOlderRefusalDoesNotDropTheNewOne() {
    String first = tokens.tokenFor("team-a");

    tokens.refused("team-a", first);
    String second = tokens.tokenFor("team-a");
    tokens.refused("team-a", first);

    assertThat(second).isNotEqualTo(first);
    assertThat(tokens.tokenFor("team-a")).isEqualTo(second);
  }

  @Test
  void aNamespaceWithoutTheAccountIsUnauthorizedNamingNamespaceAccountAndFix() {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName("team-c").endMetadata().build())
        .create();

    assertThatThrownBy(() -> tokens.tokenFor("team-c"))
        .isInstanceOf(KfpUnauthorized.class)
        .hasMessageContaining("namespace team-c")
        .hasMessageContaining("service account kfp-user")
        .hasMessageContaining("HTTP 404");
  }
}
