package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.sandbox.RawApi.Answer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API refuses what a default cluster refuses to store, with the code and message kube-apiserver
 * v1.32.13 with etcd 3.4 (default {@code --max-request-bytes}) answered here for a PipelineVersion
 * of each size. Runs against a real cluster too ({@code -Dkfp.test.cluster=real}).
 */
class EmbeddedApiSizeLimitsIT {

  private static TestCluster cluster;
  private static KubernetesClient client;
  private static RawApi api;
  private static String namespace;
  private static String versions;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    // One answer per request: fabric8 retries a 500 ten times by default, and the embedded API's
    // client configuration does not read kubernetes.request.retry.backoffLimit.
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(cluster.clientConfig()).withRequestRetryBackoffLimit(0).build())
            .build();
    api = new RawApi(client);
    namespace = cluster.namespace("size-limits");
    versions = "/apis/kfp.jackhoman.com/v1alpha1/namespaces/" + namespace + "/pipelineversions";
  }

  @AfterAll
  static void stop() {
    cluster.deleteNamespaces(namespace);
    client.close();
    cluster.close();
  }

  @Test
  void aVersionOf1400KbIsStored() {
    assertThat(api.post(versions, version("stored", 1_400_000)).code()).isEqualTo(201);
  }

  @Test
  void aVersionOverEtcdsRequestLimitIsRefusedWithEtcdsError() {
    Answer answer = api.post(versions, version("over-etcd", 1_700_000));

    assertThat(answer.code()).isEqualTo(500);
    assertThat(answer.message()).isEqualTo("etcdserver: request is too large");
    assertThat(answer.json().has("reason")).isFalse();
  }

  @Test
  void aVersionOverTheEtcdClientsMessageLimitIsRefusedWithTheClientsError() {
    Answer answer = api.post(versions, version("over-grpc", 3_145_728));

    assertThat(answer.code()).isEqualTo(500);
    assertThat(answer.message())
        .matches(
            "rpc error: code = ResourceExhausted desc = trying to send message larger than max"
                + " \\(\\d+ vs\\. 2097152\\)");
  }

  @Test
  void aBodyOver3MibIsRefusedBeforeDecoding() {
    Answer answer = api.post(versions, version("over-body", 3_145_729));

    assertThat(answer.code()).isEqualTo(413);
    assertThat(answer.json().path("reason").asText()).isEqualTo("RequestEntityTooLarge");
    assertThat(answer.message()).isEqualTo("Request entity too large: limit is 3145728");
  }

  /** A PipelineVersion whose JSON is {@code bytes} long. */
  private static String version(String name, int bytes) {
    String template =
        "{\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\",\"kind\":\"PipelineVersion\","
            + "\"metadata\":{\"name\":\""
            + name
            + "\"},\"spec\":{\"pipeline\":\"train\",\"workflow\":{\"apiVersion\":"
            + "\"argoproj.io/v1alpha1\",\"kind\":\"Workflow\",\"metadata\":{\"generateName\":"
            + "\"train-\"},\"spec\":{\"entrypoint\":\"main\",\"templates\":[{\"name\":\"main\","
            + "\"container\":{\"image\":\"python:3.11\",\"command\":[\"python\",\"-c\",\"%s\"]}}]}}}}";
    return template.formatted("x".repeat(bytes - template.length() + 2));
  }
}
