package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two replicas behind Lease leader election: only the one holding the Lease works, and when it
 * stops the other takes the Lease over and carries on.
 */
class LeaderElectionIT {

  private static final Duration DRIFT = Duration.ofSeconds(1);

  @Test
  void onlyTheLeaseHolderWritesToKfpAndTheStandbyTakesOverWhenItStops() {
    try (TestCluster cluster = TestCluster.start();
        KubernetesClient client = cluster.newClient();
        KfpEmulator kfp = KfpEmulator.builder().clock(Clock.systemUTC()).start()) {
      String ops = cluster.namespace("leader-election-ops");
      String team = cluster.namespace("leader-election-team");
      KfpEndpoint endpoint = KfpEndpoint.of(kfp.url());
      OperatorReplica first =
          OperatorReplica.startElecting("first", client, endpoint, DRIFT, ops, Set.of(team));
      await().until(first::hasLed);
      try (OperatorReplica second =
          OperatorReplica.startElecting("second", client, endpoint, DRIFT, ops, Set.of(team))) {
        create(client, team, "before");
        awaitReady(client, team, "before");
        assertThat(second.hasLed()).isFalse();
        assertThat(second.kfpWrites()).isZero();
        assertThat(first.kfpWrites()).isPositive();

        first.close();
        create(client, team, "after");
        awaitReady(client, team, "after");

        assertThat(second.hasLed()).isTrue();
        assertThat(second.kfpWrites()).isPositive();
        Lease lease = client.leases().inNamespace(ops).withName(OperatorSettings.LEASE).get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("second");
        cluster.deleteNamespaces(team, ops);
      }
    }
  }

  private static void create(KubernetesClient client, String namespace, String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    pipeline.setSpec(new PipelineSpec());
    client.resource(pipeline).create();
  }

  private static void awaitReady(KubernetesClient client, String namespace, String name) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ReadyCondition.of(
                        client
                            .resources(Pipeline.class)
                            .inNamespace(namespace)
                            .withName(name)
                            .get())
                    .filter(c -> "True".equals(c.getStatus()))
                    .isPresent());
  }
}
