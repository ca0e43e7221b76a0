package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects with non-ASCII text reach fabric8's informers over the embedded API's watches intact, one
 * change after another (fabric8's HTTP watch broke on the event after one with a multi-byte
 * character, and JOSDK stopped the operator: see {@code ApiHttpHandler}).
 */
class NonAsciiWatchTest {

  @Test
  void everyChangeOfAnObjectWithNonAsciiTextArrivesIntact(@TempDir Path dir) throws Exception {
    String description = "Recherche — 研究 🔬";
    List<String> seen = new CopyOnWriteArrayList<>();
    try (EmbeddedKubernetesApi api =
            EmbeddedKubernetesApi.start(dir.resolve("kubeconfig"), Clock.systemUTC());
        KubernetesClient client = api.newClient()) {
      OperatorReplica.install(client, "research");
      SharedIndexInformer<Experiment> informer =
          client.resources(Experiment.class).inNamespace("research").inform(recording(seen));
      for (int i = 0; i < 3; i++) {
        Experiment experiment = new Experiment();
        experiment.setMetadata(
            new ObjectMetaBuilder().withName("e" + i).withNamespace("research").build());
        ExperimentSpec spec = new ExperimentSpec();
        spec.setDescription(description + " " + i);
        experiment.setSpec(spec);
        client.resource(experiment).create();
      }

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(seen)
                      .containsExactlyInAnyOrder(
                          description + " 0", description + " 1", description + " 2"));
      assertThat(informer.isRunning()).isTrue();
      informer.close();
    }
  }

  private static ResourceEventHandler<Experiment> recording(List<String> seen) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Experiment experiment) {
        seen.add(experiment.getSpec().getDescription());
      }

      @Override
      public void onUpdate(Experiment before, Experiment after) {}

      @Override
      public void onDelete(Experiment experiment, boolean finalStateUnknown) {}
    };
  }
}
