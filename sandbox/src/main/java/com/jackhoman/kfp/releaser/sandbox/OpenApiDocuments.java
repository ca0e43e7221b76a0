package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/**
 * The OpenAPI v3 documents {@code kubectl apply} and {@code kubectl explain} read: an index of
 * group-versions, and per group-version a PATCH operation per kind (with the {@code
 * fieldValidation} parameter, so kubectl leaves validation to the server) and the kinds' schemas.
 */
final class OpenApiDocuments {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREFIX = "/openapi/v3";

  private final ServedResources served;

  OpenApiDocuments(ServedResources served) {
    this.served = served;
  }

  /** The document at {@code path}, or empty if there is none. */
  Optional<MockResponse> answer(String path) {
    if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
      ObjectNode paths = NODES.objectNode();
      served
          .all()
          .forEach(
              r ->
                  paths
                      .putObject(documentKey(r))
                      .put("serverRelativeURL", PREFIX + "/" + documentKey(r)));
      ObjectNode index = NODES.objectNode();
      index.set("paths", paths);
      return Optional.of(ApiStatus.json(200, index.toString()));
    }
    ObjectNode paths = NODES.objectNode();
    ObjectNode schemas = NODES.objectNode();
    served.all().stream()
        .filter(r -> path.equals(PREFIX + "/" + documentKey(r)))
        .forEach(
            r -> {
              ObjectNode patch = paths.putObject(objectPathTemplate(r)).putObject("patch");
              patch.set("x-kubernetes-group-version-kind", r.groupVersionKind());
              patch
                  .putArray("parameters")
                  .addObject()
                  .put("name", "fieldValidation")
                  .put("in", "query")
                  .putObject("schema")
                  .put("type", "string");
              if (r.schema().isObject()) {
                ObjectNode schema = r.schema().deepCopy();
                schema.putArray("x-kubernetes-group-version-kind").add(r.groupVersionKind());
                schemas.set(schemaName(r), schema);
              }
            });
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode document = NODES.objectNode().put("openapi", "3.0.0");
    document.putObject("info").put("title", "kfp-releaser sandbox").put("version", "v1");
    document.set("paths", paths);
    document.putObject("components").set("schemas", schemas);
    return Optional.of(ApiStatus.json(200, document.toString()));
  }

  private static String documentKey(ServedResource resource) {
    return resource.group().isEmpty() ? "api/v1" : "apis/" + resource.apiVersion();
  }

  private static String objectPathTemplate(ServedResource resource) {
    return "/"
        + documentKey(resource)
        + (resource.namespaced() ? "/namespaces/{namespace}/" : "/")
        + resource.plural()
        + "/{name}";
  }

  private static String schemaName(ServedResource resource) {
    String[] labels = resource.group().split("\\.");
    StringBuilder name = new StringBuilder();
    for (int i = labels.length - 1; i >= 0; i--) {
      name.append(labels[i]).append('.');
    }
    return name.append(resource.version()).append('.').append(resource.kind()).toString();
  }
}
