package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.sandbox.RawApi.Answer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API decodes custom resources as kube-apiserver v1.32.13 did here (each expectation is its
 * recorded answer): unknown fields refused under {@code fieldValidation=Strict}, pruned with a
 * {@code Warning} per field under {@code Warn} (the default, which fabric8 7.5.2 leaves to the
 * server) and silently under {@code Ignore}; and every map of a stored object comes back with its
 * keys sorted. Runs against a real cluster too ({@code -Dkfp.test.cluster=real}).
 */
class EmbeddedApiDecodingIT {

  private static TestCluster cluster;
  private static KubernetesClient client;
  private static RawApi api;
  private static String namespace;
  private static String pipelines;
  private static String recurringRuns;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start();
    client = cluster.newClient();
    api = new RawApi(client);
    namespace = cluster.namespace("decoding");
    pipelines = "/apis/kfp.jackhoman.com/v1alpha1/namespaces/" + namespace + "/pipelines";
    recurringRuns = "/apis/kfp.jackhoman.com/v1alpha1/namespaces/" + namespace + "/recurringruns";
  }

  @AfterAll
  static void stop() {
    cluster.deleteNamespaces(namespace);
    client.close();
    cluster.close();
  }

  @Test
  void strictRefusesEveryUnknownFieldMetadataFirstThenSorted() {
    Answer answer =
        api.post(
            pipelines + "?fieldValidation=Strict",
            "{\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\",\"kind\":\"Pipeline\","
                + "\"metadata\":{\"name\":\"strict\",\"foo\":1},\"spec\":{\"zeta\":1,"
                + "\"description\":\"x\",\"colour\":\"red\",\"alpha\":{\"b\":1}},\"extra\":true}");

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.json().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(answer.message())
        .isEqualTo(
            "Pipeline in version \"v1alpha1\" cannot be handled as a Pipeline: strict decoding"
                + " error: unknown field \"metadata.foo\", unknown field \"extra\", unknown field"
                + " \"spec.alpha\", unknown field \"spec.colour\", unknown field \"spec.zeta\"");
  }

  @Test
  void strictNamesTheKeysOfAMapWrittenWhereTheSchemaHasAList() {
    Answer answer = api.post(recurringRuns + "?fieldValidation=Strict", parametersAsMap("map"));

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.message())
        .isEqualTo(
            "RecurringRun in version \"v1alpha1\" cannot be handled as a RecurringRun: strict"
                + " decoding error: unknown field \"spec.parameters.message\"");
  }

  @Test
  void warnPrunesTheMapsKeysAndRefusesWhatIsLeftWithAWarning() {
    Answer answer = api.post(recurringRuns, parametersAsMap("warned-map"));

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.warnings())
        .containsExactly("299 - \"unknown field \\\"spec.parameters.message\\\"\"");
    assertThat(answer.message())
        .contains(
            "spec.parameters: Invalid value: \"object\": spec.parameters in body must be of type"
                + " array: \"object\"");
  }

  @Test
  void warnStoresTheObjectWithoutItsUnknownFieldsAndNamesEachInAWarning() {
    Answer answer =
        api.post(
            pipelines,
            "{\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\",\"kind\":\"Pipeline\","
                + "\"metadata\":{\"name\":\"warned\"},\"spec\":{\"description\":\"x\","
                + "\"colour\":\"red\",\"alpha\":1}}");

    assertThat(answer.code()).isEqualTo(201);
    assertThat(answer.warnings())
        .containsExactly(
            "299 - \"unknown field \\\"spec.alpha\\\"\"",
            "299 - \"unknown field \\\"spec.colour\\\"\"");
    assertThat(answer.json().path("spec").has("colour")).isFalse();
    assertThat(api.send("GET", pipelines + "/warned", null, null).json().path("spec").has("alpha"))
        .isFalse();
  }

  @Test
  void ignorePrunesUnknownFieldsWithoutAWarning() {
    Answer answer =
        api.post(
            pipelines + "?fieldValidation=Ignore",
            "{\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\",\"kind\":\"Pipeline\","
                + "\"metadata\":{\"name\":\"ignored\"},\"spec\":{\"description\":\"x\","
                + "\"colour\":\"red\"}}");

    assertThat(answer.code()).isEqualTo(201);
    assertThat(answer.warnings()).isEmpty();
    assertThat(answer.json().path("spec").has("colour")).isFalse();
  }

  @Test
  void everyMapOfACustomResourceComesBackWithItsKeysSorted() {
    api.post(
        recurringRuns,
        "{\"kind\":\"RecurringRun\",\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\","
            + "\"metadata\":{\"name\":\"order\",\"labels\":{\"zz\":\"1\",\"aa\":\"2\"}},"
            + "\"spec\":{\"versionRef\":\"v\",\"schedule\":{\"cron\":\"30 2 * * *\"},"
            + "\"parameters\":[{\"value\":{\"z\":1,\"a\":{\"y\":1,\"b\":2}},\"name\":\"zeta\"},"
            + "{\"name\":\"alpha\",\"value\":\"x\"}]}}");

    JsonNode run = api.send("GET", recurringRuns + "/order", null, null).json();

    assertThat(keys(run)).containsExactly("apiVersion", "kind", "metadata", "spec");
    assertThat(keys(run.path("metadata").path("labels"))).containsExactly("aa", "zz");
    assertThat(keys(run.path("spec"))).isSorted();
    JsonNode first = run.path("spec").path("parameters").get(0);
    assertThat(keys(first)).containsExactly("name", "value");
    assertThat(first.path("value").toString()).isEqualTo("{\"a\":{\"b\":2,\"y\":1},\"z\":1}");
    assertThat(run.path("spec").path("parameters").get(1).path("name").asText()).isEqualTo("alpha");
  }

  private static String parametersAsMap(String name) {
    return "{\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\",\"kind\":\"RecurringRun\","
        + "\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"versionRef\":\"train-v1\",\"schedule\":{\"cron\":\"30 2 * * *\"},"
        + "\"parameters\":{\"message\":\"hello\"}}}";
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
