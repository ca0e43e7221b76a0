package com.jackhoman.kfp.releaser.runtime;

import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Objects deleted the moment they were created stay deleted: adding the operator's finalizer must
 * not create them anew (a server-side apply of a missing object creates it).
 */
class DeletedAtOnceIT {

  private static final int OBJECTS = 40;

  @Test
  void objectsDeletedRightAfterTheyWereCreatedDoNotComeBack() {
    try (TestCluster cluster = TestCluster.start();
        KubernetesClient client = cluster.newClient();
        KfpEmulator kfp = KfpEmulator.builder().clock(Clock.systemUTC()).start()) {
      String namespace = cluster.namespace("deleted-at-once");
      try (OperatorReplica operator =
          OperatorReplica.start(
              client, KfpEndpoint.of(kfp.url()), Duration.ofSeconds(1), Set.of(namespace))) {
        deleteRightAfterCreating(client, namespace);
        await()
            .pollDelay(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    client
                        .resources(Experiment.class)
                        .inNamespace(namespace)
                        .list()
                        .getItems()
                        .isEmpty());
        cluster.deleteNamespaces(namespace);
      }
    }
  }

  private static void deleteRightAfterCreating(KubernetesClient client, String namespace) {
    for (int i = 0; i < OBJECTS; i++) {
      Experiment experiment = new Experiment();
      experiment.setMetadata(
          new ObjectMetaBuilder().withName("brief-" + i).withNamespace(namespace).build());
      client.resource(experiment).create();
      client.resource(experiment).delete();
    }
  }
}
