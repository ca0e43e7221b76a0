package com.jackhoman.kfp.releaser.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale benchmark given a kubeconfig, as it would run against a real cluster: an embedded API
 * started on its own stands in for the cluster (there is none on the build machine). A run must
 * keep to namespaces of its own, leave everyone else's objects alone, and remove its namespaces:
 * the embedded API deletes a namespace as kube-controller-manager does, so one that a finalizer
 * keeps Terminating fails the run (the Kubernetes floor's finalizers once did, on real clusters).
 */
class SharedClusterScaleRunIT {

  @TempDir Path dir;

  @Test
  void aRunOnASharedClusterLeavesOtherNamespacesAloneAndRemovesItsOwn() throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.start(kubeconfig, Clock.systemUTC());
        KubernetesClient client = api.newClient()) {
      for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
        client.resource(Serialization.asJson(kind.crd())).create();
      }
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
          .create();
      client.resource(ScaleWorkload.experiment("team-a", "theirs")).create();

      ScaleResult result =
          new ScaleRun(
                  new ScaleOptions(
                      Duration.ZERO,
                      4,
                      Duration.ofSeconds(1),
                      Duration.ofSeconds(1),
                      1,
                      Duration.ofSeconds(60),
                      Optional.of(kubeconfig)),
                  Clock.systemUTC())
              .measure(20);

      assertThat(result.converging().kfpWrites() - result.converging().recurringRunEnables())
          .isEqualTo(result.convergeObjects());
      GenericKubernetesResource theirs =
          client
              .genericKubernetesResources(ScaleWorkload.API_VERSION, "Experiment")
              .inNamespace("team-a")
              .withName("theirs")
              .get();
      assertThat(theirs.getMetadata().getFinalizers()).isEmpty();
      assertThat(theirs.getAdditionalProperties()).doesNotContainKey("status");
      assertThat(client.namespaces().list().getItems())
          .extracting(namespace -> namespace.getMetadata().getName())
          .containsExactlyInAnyOrder("default", "team-a");
    }
  }
}
