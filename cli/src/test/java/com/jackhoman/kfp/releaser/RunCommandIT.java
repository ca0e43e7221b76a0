package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.sandbox.FaithfulMockServer;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * {@code kfp-releaser run} as a Deployment runs it: it finds the cluster from the environment,
 * serves probes and metrics, syncs objects into KFP and stops gracefully. Runs on the faithful mock
 * API server only: it points the process-wide Kubernetes configuration at it.
 */
@DisabledIfSystemProperty(named = "kfp.test.cluster", matches = "real")
class RunCommandIT {

  @Test
  void runSyncsObjectsServesProbesAndMetricsAndStopsOnInterrupt() throws Exception {
    try (FaithfulMockServer kubernetes = FaithfulMockServer.start();
        KfpEmulator kfp = KfpEmulator.builder().start();
        KubernetesClient client = kubernetes.newClient()) {
      installCrds(client);
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build())
          .create();
      int healthPort = freePort();
      int metricsPort = freePort();
      System.setProperty("kubernetes.master", kubernetes.url());
      System.setProperty("kubernetes.auth.tryKubeConfig", "false");
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
                              "--drift-period=2s",
                              "--health-port=" + healthPort,
                              "--metrics-port=" + metricsPort)));
      try {
        operator.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(healthPort, "/readyz") == 200);
        assertThat(status(healthPort, "/healthz")).isEqualTo(200);

        client.resource(pipeline("train")).create();

        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  Pipeline synced =
                      client.resources(Pipeline.class).inNamespace("team").withName("train").get();
                  return synced.getStatus() != null
                      && Conditions.holds(synced.getStatus().getConditions(), ConditionType.Ready);
                });
        assertThat(body(metricsPort, "/metrics"))
            .contains("operator_sdk_")
            .contains(
                "kfp_client_requests_seconds_count{method=\"POST\",path=\"/apis/v2beta1/pipelines\",status=\"200\"}");
      } finally {
        operator.interrupt();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        System.clearProperty("kubernetes.master");
        System.clearProperty("kubernetes.auth.tryKubeConfig");
      }
    }
  }

  private static void installCrds(KubernetesClient client) throws IOException {
    try (Stream<Path> crds = Files.list(Path.of("crds"))) {
      for (Path crd : crds.filter(f -> f.toString().endsWith(".kfp.jackhoman.com.yaml")).toList()) {
        client.resource(Files.readString(crd)).create();
      }
    }
  }

  private static Pipeline pipeline(String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("team").build());
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
