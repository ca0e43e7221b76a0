package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.TestKfp;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code run --selector}: two operators with disjoint selectors over one cluster and one KFP each
 * work only on the objects labelled for them, and neither touches an object labelled for none
 * (design §5, several deployments splitting one cluster).
 */
class ShardingIT {

  @Test
  void operatorsWithDisjointSelectorsNeverTouchEachOthersObjects() {
    ReconcileCounter shardA = new ReconcileCounter();
    ReconcileCounter shardB = new ReconcileCounter();
    try (TestCluster cluster = TestCluster.start();
        KubernetesClient admin = cluster.newClient();
        KfpEmulator kfp = TestKfp.emulator().start();
        KubernetesClient clientA = cluster.newClient();
        KubernetesClient clientB = cluster.newClient();
        KfpClient kfpA = connect(kfp);
        KfpClient kfpB = connect(kfp)) {
      String team = cluster.namespace("sharding");
      try (OperatorReplica a =
              OperatorReplica.over(clientA, kfpA, false, shard(team, "a", shardA));
          OperatorReplica b =
              OperatorReplica.over(clientB, kfpB, false, shard(team, "b", shardB))) {
        admin.resource(experiment(team, "of-a", Map.of("shard", "a"))).create();
        admin.resource(experiment(team, "of-b", Map.of("shard", "b"))).create();
        admin.resource(experiment(team, "of-none", Map.of())).create();

        for (String name : new String[] {"of-a", "of-b"}) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> ReadyCondition.of(get(admin, team, name)),
                  ready -> ready.filter(c -> c.getStatus().equals("True")).isPresent());
        }
        await()
            .during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> get(admin, team, "of-none"),
                none -> none.getStatus() == null && none.getMetadata().getFinalizers().isEmpty());

        assertThat(shardA.started("Experiment", team, "of-a")).isPositive();
        assertThat(shardA.started("Experiment", team, "of-b")).isZero();
        assertThat(shardB.started("Experiment", team, "of-b")).isPositive();
        assertThat(shardB.started("Experiment", team, "of-a")).isZero();
        assertThat(shardA.started("Experiment", team, "of-none")).isZero();
        assertThat(shardB.started("Experiment", team, "of-none")).isZero();
        assertThat(kfp.inventory())
            .extracting(KfpObjectRow::name)
            .filteredOn(name -> name.startsWith(team + "/"))
            .containsExactlyInAnyOrder(team + "/of-a", team + "/of-b");
        admin.resource(get(admin, team, "of-none")).delete();
        cluster.deleteNamespaces(team);
      }
    }
  }

  private static OperatorSettings shard(String namespace, String shard, ReconcileCounter counter) {
    return OperatorSettings.defaults()
        .watching(Set.of(namespace))
        .selecting(Optional.of("shard=" + shard))
        .reportingTo(counter);
  }

  private static KfpClient connect(KfpEmulator kfp) {
    return new KfpConnector(Sleeper.system()).connect(KfpEndpoint.of(kfp.url()), Optional.empty());
  }

  private static Experiment get(KubernetesClient admin, String namespace, String name) {
    return admin.resources(Experiment.class).inNamespace(namespace).withName(name).get();
  }

  private static Experiment experiment(String namespace, String name, Map<String, String> labels) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build());
    experiment.setSpec(new ExperimentSpec());
    return experiment;
  }
}
