package com.jackhoman.kfp.releaser.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the CSV template of {@code olm/} into the bundle's ClusterServiceVersion: it names and
 * versions it, pins the image, embeds the icon and examples, installs the Deployment and RBAC rules
 * (ClusterRole and own-namespace Role) of {@code olm/operator/}, and takes the help text of owned
 * kinds and descriptors from the CRDs.
 */
final class ClusterServiceVersionBuilder {

  /** The image name {@code olm/operator/deployment.yaml} uses until an install path pins it. */
  static final String IMAGE_PLACEHOLDER = "kfp-releaser";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode template;
  private final List<JsonNode> crds;
  private final JsonNode deployment;
  private final JsonNode clusterRole;
  private final JsonNode role;

  /**
   * Starts from the template, the CRDs the CSV owns, and the operator's Deployment, ClusterRole and
   * Role of its own namespace.
   */
  ClusterServiceVersionBuilder(
      JsonNode template,
      List<JsonNode> crds,
      JsonNode deployment,
      JsonNode clusterRole,
      JsonNode role) {
    this.template = template;
    this.crds = crds;
    this.deployment = deployment;
    this.clusterRole = clusterRole;
    this.role = role;
  }

  /**
   * The finished CSV.
   *
   * @param project the version and image of this release
   * @param packageName the OLM package name
   * @param iconSvg the icon, an SVG document
   * @param almExamples the {@code alm-examples} JSON array
   */
  ObjectNode build(
      ProjectCoordinates project, String packageName, byte[] iconSvg, String almExamples) {
    ObjectNode csv = NODES.objectNode();
    csv.set("apiVersion", template.path("apiVersion"));
    csv.set("kind", template.path("kind"));
    ObjectNode metadata = csv.putObject("metadata");
    metadata.put("name", packageName + ".v" + project.version());
    metadata.set("annotations", annotations(project, almExamples));

    ObjectNode spec = csv.putObject("spec");
    template.path("spec").properties().forEach(field -> spec.set(field.getKey(), field.getValue()));
    spec.put("version", project.version());
    spec.putArray("icon")
        .addObject()
        .put("base64data", Base64.getEncoder().encodeToString(iconSvg))
        .put("mediatype", "image/svg+xml");
    spec.putObject("customresourcedefinitions").set("owned", owned());
    spec.set("install", install(project));
    spec.putArray("relatedImages")
        .addObject()
        .put("name", IMAGE_PLACEHOLDER)
        .put("image", project.image());
    return csv;
  }

  private ObjectNode annotations(ProjectCoordinates project, String almExamples) {
    Map<String, String> sorted = new TreeMap<>();
    template
        .path("metadata")
        .path("annotations")
        .properties()
        .forEach(field -> sorted.put(field.getKey(), field.getValue().asText()));
    sorted.put("alm-examples", almExamples);
    sorted.put("containerImage", project.image());
    ObjectNode annotations = NODES.objectNode();
    sorted.forEach(annotations::put);
    return annotations;
  }

  private ArrayNode owned() {
    ArrayNode owned = NODES.arrayNode();
    for (JsonNode entry : template.path("spec").path("customresourcedefinitions").path("owned")) {
      String kind = entry.path("kind").asText();
      JsonNode crd = crdOf(kind);
      JsonNode version = crd.path("spec").path("versions").path(0);
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      ObjectNode api = owned.addObject();
      api.set("name", crd.path("metadata").path("name"));
      api.set("version", version.path("name"));
      api.put("kind", kind);
      api.set("displayName", entry.path("displayName"));
      api.set("description", schema.path("description"));
      api.set(
          "specDescriptors",
          describe(entry.path("specDescriptors"), schema.path("properties").path("spec"), kind));
      api.set(
          "statusDescriptors",
          describe(
              entry.path("statusDescriptors"), schema.path("properties").path("status"), kind));
    }
    return owned;
  }

  private JsonNode crdOf(String kind) {
    return crds.stream()
        .filter(crd -> crd.path("spec").path("names").path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No CRD in crds/ for owned kind " + kind));
  }

  /** Copies the descriptors, each with the description its field has in the CRD schema. */
  private static ArrayNode describe(JsonNode descriptors, JsonNode schema, String kind) {
    ArrayNode described = NODES.arrayNode();
    for (JsonNode descriptor : descriptors) {
      String path = descriptor.path("path").asText();
      JsonNode field = schema;
      for (String step : path.split("\\.")) {
        field = field.path("properties").path(step);
      }
      if (field.path("description").asText().isEmpty()) {
        throw new IllegalStateException(
            kind + " descriptor " + path + " names no documented field of the CRD schema");
      }
      ObjectNode copy = described.addObject();
      copy.put("path", path);
      copy.set("displayName", descriptor.path("displayName"));
      copy.set("description", field.path("description"));
      copy.set("x-descriptors", descriptor.path("x-descriptors"));
    }
    return described;
  }

  private ObjectNode install(ProjectCoordinates project) {
    ObjectNode deploymentSpec = deployment.path("spec").deepCopy();
    int pinned = 0;
    for (JsonNode container : deploymentSpec.path("template").path("spec").path("containers")) {
      if (container.path("image").asText().equals(IMAGE_PLACEHOLDER)) {
        ((ObjectNode) container).put("image", project.image());
        pinned++;
      }
    }
    if (pinned != 1) {
      throw new IllegalStateException(
          "olm/operator/deployment.yaml must have one container with image " + IMAGE_PLACEHOLDER);
    }
    String serviceAccount =
        deploymentSpec.path("template").path("spec").path("serviceAccountName").asText();

    ObjectNode install = NODES.objectNode();
    install.put("strategy", "deployment");
    ObjectNode spec = install.putObject("spec");
    ObjectNode permissions = spec.putArray("clusterPermissions").addObject();
    permissions.put("serviceAccountName", serviceAccount);
    permissions.set("rules", clusterRole.path("rules"));
    ObjectNode ownNamespace = spec.putArray("permissions").addObject();
    ownNamespace.put("serviceAccountName", serviceAccount);
    ownNamespace.set("rules", role.path("rules"));
    ObjectNode operator = spec.putArray("deployments").addObject();
    operator.set("name", deployment.path("metadata").path("name"));
    operator.set("label", deployment.path("metadata").path("labels"));
    operator.set("spec", deploymentSpec);
    return install;
  }
}
