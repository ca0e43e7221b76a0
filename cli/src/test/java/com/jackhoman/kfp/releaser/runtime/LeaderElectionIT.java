package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas behind Lease leader election on the embedded API: only the one holding the Lease
 * works, and when it stops the other takes the Lease over and carries on. Runs on the embedded API
 * only (it starts and stops operators of its own).
 */
@DisabledIfSystemProperty(named = "kfp.test.cluster", matches = "real")
class LeaderElectionIT {

  private static final Duration DRIFT = Duration.ofSeconds(1);

  @Test
  void onlyTheLeaseHolderWritesToKfpAndTheStandbyTakesOverWhenItStops(@TempDir Path dir)
      throws Exception {
    try (EmbeddedKubernetesApi api =
            EmbeddedKubernetesApi.start(dir.resolve("kubeconfig"), Clock.systemUTC());
        KubernetesClient client = api.newClient();
        KfpEmulator kfp = KfpEmulator.builder().clock(Clock.systemUTC()).start()) {
      OperatorReplica.install(client, "ops");
      KfpEndpoint endpoint = KfpEndpoint.of(kfp.url());
      OperatorReplica first =
          OperatorReplica.startElecting("first", client, endpoint, DRIFT, "ops");
      await().until(first::hasLed);
      try (OperatorReplica second =
          OperatorReplica.startElecting("second", client, endpoint, DRIFT, "ops")) {
        create(client, "before");
        awaitReady(client, "before");
        assertThat(second.hasLed()).isFalse();
        assertThat(second.kfpWrites()).isZero();
        assertThat(first.kfpWrites()).isPositive();

        first.close();
        create(client, "after");
        awaitReady(client, "after");

        assertThat(second.hasLed()).isTrue();
        assertThat(second.kfpWrites()).isPositive();
        Lease lease = client.leases().inNamespace("ops").withName(OperatorSettings.LEASE).get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("second");
      }
    }
  }

  private static void create(KubernetesClient client, String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    pipeline.setSpec(new PipelineSpec());
    client.resource(pipeline).create();
  }

  private static void awaitReady(KubernetesClient client, String name) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ReadyCondition.of(
                        client
                            .resources(Pipeline.class)
                            .inNamespace("default")
                            .withName(name)
                            .get())
                    .filter(c -> "True".equals(c.getStatus()))
                    .isPresent());
  }
}
