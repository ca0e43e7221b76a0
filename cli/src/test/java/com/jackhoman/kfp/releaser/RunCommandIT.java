package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kfp-releaser run} as a Deployment runs it: it finds the cluster from the environment (the
 * current kubeconfig on a real cluster, the mock server's URL otherwise), serves probes and
 * metrics, syncs objects of the namespaces it is told to watch into KFP and stops gracefully.
 */
class RunCommandIT {

  @Test
  void runSyncsObjectsServesProbesAndMetricsAndStopsOnInterrupt() throws Exception {
    // The mock server off a real cluster: run's client, from the environment, watches over
    // WebSocket.
    try (TestCluster cluster = TestCluster.startOnMockServer();
        KfpEmulator kfp = KfpEmulator.builder().start();
        KubernetesClient client = cluster.newClient()) {
      String team = cluster.namespace("run-command");
      int healthPort = freePort();
      int metricsPort = freePort();
      if (!TestCluster.REAL) {
        System.setProperty(
            Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, cluster.clientConfig().getMasterUrl());
        System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
      }
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      Thread operator =
          new Thread(
              () ->
                  exit.complete(
                      Main.newCommandLine()
                          .execute(
                              "run",
                              "--kfp-url=" + kfp.url(),
                              "--no-leader-election",
                              "--namespaces=" + team,
                              "--drift-period=2s",
                              "--health-port=" + healthPort,
                              "--metrics-port=" + metricsPort)));
      try {
        operator.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(healthPort, "/readyz") == 200);
        assertThat(status(healthPort, "/healthz")).isEqualTo(200);

        client.resource(pipeline(team, "train")).create();

        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  Pipeline synced =
                      client.resources(Pipeline.class).inNamespace(team).withName("train").get();
                  return synced.getStatus() != null
                      && Conditions.holds(synced.getStatus().getConditions(), ConditionType.Ready);
                });
        assertThat(body(metricsPort, "/metrics"))
            .contains("operator_sdk_")
            .contains(
                "kfp_client_requests_seconds_count{method=\"POST\",path=\"/apis/v2beta1/pipelines\",status=\"200\"}");
        cluster.deleteNamespaces(team);
      } finally {
        operator.interrupt();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        System.clearProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY);
        System.clearProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY);
      }
    }
  }

  private static Pipeline pipeline(String namespace, String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    pipeline.setSpec(new PipelineSpec());
    return pipeline;
  }

  private static int status(int port, String path) {
    try {
      return get(port, path).statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String body(int port, String path) throws IOException {
    return get(port, path).body();
  }

  private static HttpResponse<String> get(int port, String path) throws IOException {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
