package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses two items with the same key in a list declared {@code x-kubernetes-list-type: map}, e.g.
 * two RecurringRun parameters of the same name.
 */
final class ListMapKeyCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ListMapKeyCheck() {}

  /** Every duplicate item of every list-map in {@code object}. */
  static List<FieldError> check(JsonNode schema, JsonNode object) {
    List<FieldError> errors = new ArrayList<>();
    SchemaWalk.walk(
        schema,
        object,
        null,
        (path, fieldSchema, value, oldValue) -> {
          if (value.isArray()
              && "map".equals(fieldSchema.path("x-kubernetes-list-type").asText())) {
            errors.addAll(duplicates(path, fieldSchema.path("x-kubernetes-list-map-keys"), value));
          }
        });
    return errors;
  }

  private static List<FieldError> duplicates(String path, JsonNode keyNames, JsonNode list) {
    List<FieldError> errors = new ArrayList<>();
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode key = JSON.createObjectNode();
      for (JsonNode keyName : keyNames) {
        JsonNode keyValue = list.get(i).get(keyName.asText());
        if (keyValue != null) {
          key.set(keyName.asText(), keyValue);
        }
      }
      if (!seen.add(key)) {
        errors.add(
            new FieldError(path + "[" + i + "]", "FieldValueDuplicate", "Duplicate value: " + key));
      }
    }
    return errors;
  }
}
