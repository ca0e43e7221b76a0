package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.CapturedLog;
import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.net.HttpServers;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's KFP token never shows in what people read, even when KFP's answer repeats it: the
 * operator syncs a Pipeline against a KFP whose every answer is a 403 echoing the request's
 * Authorization header, and its logs, the object's status and its events stay free of the token.
 * The KFP here is a tiny HTTP server, as the emulator has no denying proxy in front of it.
 */
class KfpTokenStaysOutOfSightIT {

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.b3BlcmF0b3ItdG9rZW4.c2lnbmVk";

  @TempDir Path dir;

  @Test
  void aKfpEchoingTheTokenInItsDenialLeavesItOutOfLogsStatusAndEvents() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
    HttpServer kfp =
        HttpServers.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    kfp.createContext("/", KfpTokenStaysOutOfSightIT::denyEchoingTheToken);
    kfp.start();
    try (CapturedLog log = CapturedLog.start();
        TestCluster cluster = TestCluster.start();
        KubernetesClient admin = cluster.newClient();
        KubernetesClient operatorClient = cluster.newClient();
        KfpClient client =
            new KfpConnector(Sleeper.system())
                .connect(
                    KfpEndpoint.of(URI.create("http://localhost:" + kfp.getAddress().getPort()))
                        .withTokenFile(tokenFile),
                    Optional.of(KfpApiVersion.V2BETA1))) {
      String team = cluster.namespace("kfp-token-stays-out-of-sight");
      try (OperatorReplica operator =
          OperatorReplica.over(
              operatorClient, client, false, OperatorSettings.defaults().watching(Set.of(team)))) {
        admin.resource(pipeline(team, "train")).create();

        Pipeline denied =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () -> admin.resources(Pipeline.class).inNamespace(team).withName("train").get(),
                    p ->
                        p.getStatus() != null
                            && Conditions.find(p.getStatus().getConditions(), ConditionType.Ready)
                                .filter(
                                    c ->
                                        c.getMessage()
                                            .contains("refused the operator's credentials"))
                                .isPresent());

        assertThat(Serialization.asYaml(denied.getStatus()))
            .contains("denied request")
            .doesNotContain(TOKEN);
        assertThat(Serialization.asYaml(admin.v1().events().inNamespace(team).list().getItems()))
            .contains("refused the operator's credentials")
            .doesNotContain(TOKEN);
        assertThat(log.text()).contains("denied request").doesNotContain(TOKEN);
        // KFP lets the operator in again, holding nothing: it can finalize the Pipeline.
        kfp.removeContext("/");
        kfp.createContext("/", KfpTokenStaysOutOfSightIT::answerEmpty);
        cluster.deleteNamespaces(team);
      }
    } finally {
      kfp.stop(0);
    }
  }

  /** Answers 403 with the Authorization header in the body, as some proxies do. */
  private static void denyEchoingTheToken(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body =
        ("{\"code\":7,\"message\":\"denied request with Authorization: "
                + exchange.getRequestHeaders().getFirst("Authorization")
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(403, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Answers 200 with an empty object: no such KFP object, an empty list. */
  private static void answerEmpty(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static Pipeline pipeline(String namespace, String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    pipeline.setSpec(new PipelineSpec());
    return pipeline;
  }
}
