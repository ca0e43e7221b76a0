package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns a CRD's structural {@code openAPIV3Schema} into the JSON Schema (draft 2019-09) that
 * enforces what kube-apiserver enforces once unknown fields are pruned ({@link
 * UnknownFieldPruning}): {@code x-kubernetes-int-or-string} takes either, {@code nullable} admits
 * null, and only the formats kube-apiserver checks are asserted.
 */
final class OpenApiSchemaTranslation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COPIED_KEYWORDS =
      List.of(
          "enum",
          "pattern",
          "minimum",
          "maximum",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "minProperties",
          "maxProperties",
          "multipleOf",
          "uniqueItems",
          "required");
  private static final List<String> ASSERTED_FORMATS = List.of("date-time", "date", "uuid");

  private OpenApiSchemaTranslation() {}

  /** The JSON Schema equivalent of one structural schema node. */
  static ObjectNode translate(JsonNode openApi) {
    ObjectNode schema = JSON.createObjectNode();
    if (openApi.path("x-kubernetes-int-or-string").asBoolean()) {
      schema.putArray("type").add("integer").add("string");
    } else if (openApi.has("type")) {
      if (openApi.path("nullable").asBoolean()) {
        schema.putArray("type").add(openApi.get("type").asText()).add("null");
      } else {
        schema.put("type", openApi.get("type").asText());
      }
    }
    for (String keyword : COPIED_KEYWORDS) {
      if (openApi.has(keyword)) {
        schema.set(keyword, openApi.get(keyword));
      }
    }
    if (ASSERTED_FORMATS.contains(openApi.path("format").asText())) {
      schema.put("format", openApi.get("format").asText());
    }
    if (openApi.has("properties")) {
      ObjectNode properties = schema.putObject("properties");
      openApi
          .get("properties")
          .fields()
          .forEachRemaining(field -> properties.set(field.getKey(), translate(field.getValue())));
    }
    if (openApi.path("additionalProperties").isObject()) {
      schema.set("additionalProperties", translate(openApi.get("additionalProperties")));
    }
    if (openApi.has("items")) {
      schema.set("items", translate(openApi.get("items")));
    }
    return schema;
  }
}
