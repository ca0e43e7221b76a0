package com.jackhoman.kfp.releaser.runtime;

import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects deleted the moment they were created stay deleted: adding the operator's finalizer must
 * not create them anew (a server-side apply of a missing object creates it). Runs on the embedded
 * API only (it starts an operator of its own).
 */
@DisabledIfSystemProperty(named = "kfp.test.cluster", matches = "real")
class DeletedAtOnceIT {

  private static final int OBJECTS = 40;

  @Test
  void objectsDeletedRightAfterTheyWereCreatedDoNotComeBack(@TempDir Path dir) throws Exception {
    try (EmbeddedKubernetesApi api =
            EmbeddedKubernetesApi.start(dir.resolve("kubeconfig"), Clock.systemUTC());
        KubernetesClient client = api.newClient();
        KfpEmulator kfp = KfpEmulator.builder().clock(Clock.systemUTC()).start()) {
      OperatorReplica.install(client);
      try (OperatorReplica operator =
          OperatorReplica.start(client, KfpEndpoint.of(kfp.url()), Duration.ofSeconds(1))) {
        deleteRightAfterCreating(client);
        await()
            .pollDelay(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    client
                        .resources(Experiment.class)
                        .inNamespace("default")
                        .list()
                        .getItems()
                        .isEmpty());
      }
    }
  }

  private static void deleteRightAfterCreating(KubernetesClient client) {
    for (int i = 0; i < OBJECTS; i++) {
      Experiment experiment = new Experiment();
      experiment.setMetadata(
          new ObjectMetaBuilder().withName("brief-" + i).withNamespace("default").build());
      client.resource(experiment).create();
      client.resource(experiment).delete();
    }
  }
}
