package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.emulator.SettableClock;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-namespace KFP tokens come from TokenRequests for the configured service account of each
 * namespace, are reused until due for renewal, and are replaced after KFP refuses one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccountTokensIT {

  private TestCluster cluster;
  private KubernetesClient client;
  private String teamA;
  private String teamB;
  private final SettableClock clock = new SettableClock(Instant.now());
  private ServiceAccountTokens tokens;

  @BeforeAll
  void startCluster() {
    cluster = TestCluster.startOnMockServer();
    client = cluster.newClient();
    teamA = cluster.namespace("tokens-team-a");
    teamB = cluster.namespace("tokens-team-b");
    cluster.serviceAccount(teamA, "kfp-user");
    cluster.serviceAccount(teamB, "kfp-user");
  }

  @AfterAll
  void stopCluster() {
    client.close();
    cluster.close();
  }

  @BeforeEach
  void newTokens() {
    tokens = new ServiceAccountTokens(client, "kfp-user", clock);
  }

  @Test
  void eachNamespaceGetsATokenOfItsOwnAccountAndKeepsIt() {
    String first = tokens.tokenFor(teamA);

    assertThat(IssuedToken.subject(first)).isEqualTo(IssuedToken.account(teamA, "kfp-user"));
    assertThat(IssuedToken.subject(tokens.tokenFor(teamB)))
        .isEqualTo(IssuedToken.account(teamB, "kfp-user"));
    clock.advance(Duration.ofMinutes(47));
    assertThat(tokens.tokenFor(teamA)).isEqualTo(first);
  }

  @Test
  void aTokenIsRenewedOnceFourFifthsOfItsHourHavePassed() {
    String first = tokens.tokenFor(teamA);

    clock.advance(Duration.ofMinutes(49));

    String renewed = tokens.tokenFor(teamA);
    assertThat(renewed).isNotEqualTo(first);
    assertThat(IssuedToken.subject(renewed)).isEqualTo(IssuedToken.account(teamA, "kfp-user"));
  }

  @Test
  void aRefusedTokenIsReplacedButAnOlderRefusalDoesNotDropTheNewOne() {
    String first = tokens.tokenFor(teamA);

    tokens.refused(teamA, first);
    String second = tokens.tokenFor(teamA);
    tokens.refused(teamA, first);

    assertThat(second).isNotEqualTo(first);
    assertThat(tokens.tokenFor(teamA)).isEqualTo(second);
  }

  @Test
  void aNamespaceWithoutTheAccountIsUnauthorizedNamingNamespaceAccountAndFix() {
    String teamC = cluster.namespace("tokens-team-c");

    assertThatThrownBy(() -> tokens.tokenFor(teamC))
        .isInstanceOf(KfpUnauthorized.class)
        .hasMessageContaining("namespace " + teamC)
        .hasMessageContaining("service account kfp-user")
        .hasMessageContaining("HTTP 404");
  }
}
