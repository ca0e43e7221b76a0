package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One resource the embedded API serves, with what discovery, OpenAPI and tables say about it.
 *
 * @param group the API group, empty for core
 * @param version the version served
 * @param kind the kind
 * @param plural the resource name in paths
 * @param singular the singular name
 * @param namespaced whether objects live in namespaces
 * @param shortNames kubectl short names
 * @param categories kubectl categories, e.g. {@code kfp}
 * @param hasStatus whether the status subresource is enabled
 * @param printerColumns the CRD's {@code additionalPrinterColumns} (an array), or missing
 * @param schema the OpenAPI v3 schema of the kind, or missing
 */
public record ServedResource(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean hasStatus,
    JsonNode printerColumns,
    JsonNode schema) {

  /** A resource of the built-in API, without schema. */
  static ServedResource builtIn(
      String group,
      String kind,
      String plural,
      boolean namespaced,
      List<String> shortNames,
      JsonNode printerColumns) {
    return new ServedResource(
        group,
        "v1",
        kind,
        plural,
        kind.toLowerCase(Locale.ROOT),
        namespaced,
        shortNames,
        List.of(),
        false,
        printerColumns,
        MissingNode.getInstance());
  }

  /** The resource a stored CustomResourceDefinition defines, one per served version. */
  static List<ServedResource> fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ServedResource> served = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      served.add(
          new ServedResource(
              spec.path("group").asText(),
              version.path("name").asText(),
              names.path("kind").asText(),
              names.path("plural").asText(),
              names.path("singular").asText(),
              !"Cluster".equals(spec.path("scope").asText()),
              strings(names.path("shortNames")),
              strings(names.path("categories")),
              version.path("subresources").has("status"),
              version.path("additionalPrinterColumns"),
              version.path("schema").path("openAPIV3Schema")));
    }
    return served;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }

  /** {@code kfp.jackhoman.com/v1alpha1}, or {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code {group, version, kind}} as discovery and OpenAPI write it. */
  public ObjectNode groupVersionKind() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("group", group)
        .put("version", version)
        .put("kind", kind);
  }

  /** Whether this object (by apiVersion and kind) is of this resource. */
  public boolean isKindOf(JsonNode object) {
    return apiVersion().equals(object.path("apiVersion").asText())
        && kind.equals(object.path("kind").asText());
  }
}
