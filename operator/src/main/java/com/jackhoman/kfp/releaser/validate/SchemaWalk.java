package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Walks an object alongside its structural schema, visiting every present value with its schema.
 */
final class SchemaWalk {

  /** What is done at each value. */
  interface Visitor {
    /**
     * Visits one value.
     *
     * @param path the field path, e.g. {@code spec.parameters[0].name}; empty for the root
     * @param schema the schema that applies to the value
     * @param value the value, never null
     * @param oldValue the same field in the previous version of the object, or null on create
     */
    void visit(String path, JsonNode schema, JsonNode value, JsonNode oldValue);
  }

  private SchemaWalk() {}

  /** Walks {@code value} (and, where it still exists, {@code oldValue}) under {@code schema}. */
  static void walk(JsonNode schema, JsonNode value, JsonNode oldValue, Visitor visitor) {
    walk("", schema, value, oldValue, visitor);
  }

  private static void walk(
      String path, JsonNode schema, JsonNode value, JsonNode oldValue, Visitor visitor) {
    visitor.visit(path, schema, value, oldValue);
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode fieldSchema =
            properties.has(field.getKey()) ? properties.get(field.getKey()) : additional;
        if (fieldSchema.isObject() && !field.getValue().isNull()) {
          JsonNode old = oldValue == null ? null : oldValue.get(field.getKey());
          walk(
              join(path, field.getKey()),
              fieldSchema,
              field.getValue(),
              old == null || old.isNull() ? null : old,
              visitor);
        }
      }
    } else if (value.isArray() && schema.path("items").isObject()) {
      for (int i = 0; i < value.size(); i++) {
        walk(path + "[" + i + "]", schema.get("items"), value.get(i), null, visitor);
      }
    }
  }

  /** Joins a parent path and a field name as kube-apiserver prints paths. */
  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
