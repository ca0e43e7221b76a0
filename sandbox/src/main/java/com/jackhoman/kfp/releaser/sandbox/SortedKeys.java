package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value with the keys of every map in it sorted, as Go's encoding/json writes a {@code
 * map[string]interface{}}: how kube-apiserver stores and serves custom resources.
 */
final class SortedKeys {

  private SortedKeys() {}

  /** A copy of {@code value} with every map's keys in sorted order; arrays keep their order. */
  static JsonNode of(JsonNode value) {
    if (value instanceof ObjectNode fields) {
      List<String> names = new ArrayList<>();
      fields.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      names.forEach(name -> sorted.set(name, of(fields.get(name))));
      return sorted;
    }
    if (value instanceof ArrayNode items) {
      ArrayNode sorted = JsonNodeFactory.instance.arrayNode(items.size());
      items.forEach(item -> sorted.add(of(item)));
      return sorted;
    }
    return value;
  }
}
