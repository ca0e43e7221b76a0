package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Server-side printing: {@code meta.k8s.io/v1} {@code Table}s with the cells of a resource's
 * printer columns, which is all {@code kubectl get} prints.
 */
final class TableRenderer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonNode DEFAULT_COLUMNS =
      NODES
          .arrayNode()
          .add(
              NODES
                  .objectNode()
                  .put("name", "Age")
                  .put("type", "date")
                  .put("jsonPath", ".metadata.creationTimestamp"));

  private final Clock clock;

  TableRenderer(Clock clock) {
    this.clock = clock;
  }

  /** Whether an {@code Accept} header asks for a Table. */
  static boolean isWanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /**
   * A Table of {@code objects}.
   *
   * @param withColumns whether to include the column definitions (watch events after the first
   *     leave them out)
   */
  ObjectNode render(
      ServedResource resource,
      List<JsonNode> objects,
      String resourceVersion,
      boolean withColumns) {
    JsonNode columns =
        resource.printerColumns().isArray() && !resource.printerColumns().isEmpty()
            ? resource.printerColumns()
            : DEFAULT_COLUMNS;
    ObjectNode table = NODES.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    if (withColumns) {
      ArrayNode definitions = table.putArray("columnDefinitions");
      definitions
          .addObject()
          .put("name", "Name")
          .put("type", "string")
          .put("format", "name")
          .put("description", "Name must be unique within a namespace.")
          .put("priority", 0);
      columns.forEach(
          column ->
              definitions
                  .addObject()
                  .put("name", column.path("name").asText())
                  .put("type", column.path("type").asText("string"))
                  .put("format", column.path("format").asText(""))
                  .put("description", column.path("description").asText(""))
                  .put("priority", column.path("priority").asInt(0)));
    } else {
      table.putNull("columnDefinitions");
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      columns.forEach(column -> cells.add(cell(column, object)));
      ObjectNode partial =
          row.putObject("object")
              .put("kind", "PartialObjectMetadata")
              .put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", object.path("metadata").deepCopy());
    }
    return table;
  }

  private JsonNode cell(JsonNode column, JsonNode object) {
    List<JsonNode> values =
        PrinterColumnPath.parse(column.path("jsonPath").asText()).select(object);
    if (values.isEmpty()) {
      return NODES.nullNode();
    }
    JsonNode first = values.get(0);
    return switch (column.path("type").asText("string")) {
      case "date" -> age(first.asText());
      case "integer", "number", "boolean" -> first;
      default ->
          NODES.textNode(
              values.stream()
                  .map(v -> v.isValueNode() ? v.asText() : v.toString())
                  .collect(Collectors.joining(",")));
    };
  }

  private JsonNode age(String timestamp) {
    try {
      return NODES.textNode(
          HumanDuration.format(Duration.between(Instant.parse(timestamp), clock.instant())));
    } catch (DateTimeParseException e) {
      return NODES.textNode(timestamp);
    }
  }
}
