package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --kfp-namespace-token-service-account}, the operator acts in multi-user KFP as each
 * namespace's own service account: the emulator refuses the operator's own token, yet Pipelines of
 * namespaces that have the account sync, and one whose namespace lacks it says what to create.
 */
class NamespaceTokensIT {

  private static final String ACCOUNT = "kfp-user";

  @TempDir Path dir;

  @Test
  void pipelinesSyncWithTheirNamespacesTokenAndNeverWithTheOperatorsOwn() throws IOException {
    Path operatorToken = Files.writeString(dir.resolve("token"), "operator-own-token");
    try (TestCluster cluster = TestCluster.startOnMockServer();
        KubernetesClient admin = cluster.newClient();
        KfpEmulator kfp = KfpEmulator.builder().multiUser(true).start();
        KubernetesClient operatorClient = cluster.newClient();
        KfpClient client =
            new KfpConnector(Sleeper.system())
                .connect(
                    KfpEndpoint.of(kfp.url())
                        .withTokenFile(operatorToken)
                        .withNamespaceTokens(
                            new ServiceAccountTokens(operatorClient, ACCOUNT, Clock.systemUTC())),
                    Optional.empty())) {
      String teamA = cluster.namespace("team-a");
      String teamB = cluster.namespace("team-b");
      String teamC = cluster.namespace("team-c");
      cluster.serviceAccount(teamA, ACCOUNT);
      cluster.serviceAccount(teamB, ACCOUNT);
      kfp.faults().expireToken("operator-own-token");
      try (OperatorReplica operator =
          OperatorReplica.over(
              operatorClient,
              client,
              true,
              OperatorSettings.defaults().watching(Set.of(teamA, teamB, teamC)))) {
        for (String namespace : new String[] {teamA, teamB, teamC}) {
          admin.resource(pipeline(namespace)).create();
        }

        assertThat(awaitReady(admin, teamA).getStatus()).isEqualTo("True");
        assertThat(awaitReady(admin, teamB).getStatus()).isEqualTo("True");
        Condition withoutAccount = awaitReady(admin, teamC);
        assertThat(withoutAccount.getStatus()).isEqualTo("False");
        assertThat(withoutAccount.getMessage())
            .contains("namespace " + teamC)
            .contains("service account kfp-user");
        assertThat(kfp.inventory())
            .extracting(KfpObjectRow::name)
            .contains(teamA + "/train", teamB + "/train")
            .doesNotContain(teamC + "/train");
        // With its account, the operator can look up in KFP what team-c's Pipeline left there.
        cluster.serviceAccount(teamC, ACCOUNT);
        cluster.deleteNamespaces(teamA, teamB, teamC);
      }
    }
  }

  /** Waits until the Pipeline {@code train} of {@code namespace} has a Ready condition. */
  private static Condition awaitReady(KubernetesClient admin, String namespace) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Optional.ofNullable(
                        admin
                            .resources(Pipeline.class)
                            .inNamespace(namespace)
                            .withName("train")
                            .get())
                    .map(Pipeline::getStatus)
                    .flatMap(
                        status -> Conditions.find(status.getConditions(), ConditionType.Ready)),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Pipeline pipeline(String namespace) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(
        new ObjectMetaBuilder().withName("train").withNamespace(namespace).build());
    pipeline.setSpec(new PipelineSpec());
    return pipeline;
  }
}
