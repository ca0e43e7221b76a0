package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue of what the embedded API serves: namespaces, events, leases and CRDs themselves,
 * plus whatever the CustomResourceDefinitions stored right now define.
 */
final class ServedResources {

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final String CRD_LIST = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private static final List<ServedResource> BUILT_IN =
      List.of(
          ServedResource.builtIn(
              "",
              "Namespace",
              "namespaces",
              false,
              List.of("ns"),
              columns(
                  "[{\"name\":\"Status\",\"type\":\"string\",\"jsonPath\":\".status.phase\"},"
                      + "{\"name\":\"Age\",\"type\":\"date\","
                      + "\"jsonPath\":\".metadata.creationTimestamp\"}]")),
          ServedResource.builtIn(
              "",
              "Event",
              "events",
              true,
              List.of("ev"),
              columns(
                  "[{\"name\":\"Last Seen\",\"type\":\"date\",\"jsonPath\":\".lastTimestamp\"},"
                      + "{\"name\":\"Type\",\"type\":\"string\",\"jsonPath\":\".type\"},"
                      + "{\"name\":\"Reason\",\"type\":\"string\",\"jsonPath\":\".reason\"},"
                      + "{\"name\":\"Object\",\"type\":\"string\","
                      + "\"jsonPath\":\".involvedObject.name\"},"
                      + "{\"name\":\"Message\",\"type\":\"string\",\"jsonPath\":\".message\"}]")),
          ServedResource.builtIn(
              "coordination.k8s.io",
              "Lease",
              "leases",
              true,
              List.of(),
              columns(
                  "[{\"name\":\"Holder\",\"type\":\"string\","
                      + "\"jsonPath\":\".spec.holderIdentity\"},"
                      + "{\"name\":\"Age\",\"type\":\"date\","
                      + "\"jsonPath\":\".metadata.creationTimestamp\"}]")),
          ServedResource.builtIn(
              "apiextensions.k8s.io",
              "CustomResourceDefinition",
              "customresourcedefinitions",
              false,
              List.of("crd", "crds"),
              columns(
                  "[{\"name\":\"Created At\",\"type\":\"string\",\"format\":\"date-time\","
                      + "\"jsonPath\":\".metadata.creationTimestamp\"}]")));

  /** Whether {@code group} is one of kube-apiserver's own, not one a CRD defines. */
  static boolean isBuiltIn(String group) {
    return BUILT_IN.stream().anyMatch(resource -> resource.group().equals(group));
  }

  private final Function<String, MockResponse> get;
  private List<ServedResource> all;

  /**
   * @param get reads from the store: a GET of a path, answered as the dispatcher answers it
   */
  ServedResources(Function<String, MockResponse> get) {
    this.get = get;
  }

  /** Every served resource: built-in ones first, then the CRDs' in the order stored. */
  synchronized List<ServedResource> all() {
    if (all == null) {
      all = readDefinitions();
    }
    return all;
  }

  /** Reads the CRDs again before the next answer: one was written. */
  synchronized void definitionsChanged() {
    all = null;
  }

  private List<ServedResource> readDefinitions() {
    List<ServedResource> all = new ArrayList<>(BUILT_IN);
    JsonNode crds =
        read(new String(get.apply(CRD_LIST).getBody().getBytes(), StandardCharsets.UTF_8));
    crds.path("items").forEach(crd -> all.addAll(ServedResource.fromCrd(crd)));
    return all;
  }

  /** The resource a request path addresses, if it is served. */
  Optional<ServedResource> find(ApiPath path) {
    return all().stream()
        .filter(
            r ->
                r.group().equals(path.group())
                    && r.version().equals(path.version())
                    && r.plural().equals(path.resource()))
        .findFirst();
  }

  private static JsonNode columns(String json) {
    return read(json);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
