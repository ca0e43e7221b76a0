package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code filter} query parameter as KFP does: URL-decoded once more, JSON with {@code
 * predicates}, the operation under {@code op} (v1beta1) or {@code operation} (v2beta1).
 */
final class FilterReader {

  private static final Map<String, String> CAMEL =
      Map.of(
          "stringValue", "string_value",
          "intValue", "int_value",
          "longValue", "long_value",
          "timestampValue", "timestamp_value",
          "stringValues", "string_values",
          "intValues", "int_values",
          "longValues", "long_values");

  private static final Set<String> SINGLE_VALUES =
      Set.of("string_value", "int_value", "long_value", "timestamp_value");

  private final String operationKey;

  FilterReader(String operationKey) {
    this.operationKey = operationKey;
  }

  List<Predicate> read(String filter) {
    JsonObject root;
    try {
      root =
          JsonParser.parseString(URLDecoder.decode(filter, StandardCharsets.UTF_8))
              .getAsJsonObject();
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
      throw KfpError.invalidArgument("Invalid filter: " + e.getMessage());
    }
    List<Predicate> predicates = new ArrayList<>();
    for (Map.Entry<String, JsonElement> field : root.entrySet()) {
      if (!field.getKey().equals("predicates")) {
        throw KfpError.invalidArgument("Invalid filter: unknown field \"" + field.getKey() + "\"");
      }
      field
          .getValue()
          .getAsJsonArray()
          .forEach(p -> predicates.add(predicate(p.getAsJsonObject())));
    }
    return List.copyOf(predicates);
  }

  private Predicate predicate(JsonObject json) {
    String key = null;
    String operation = null;
    List<Comparable<?>> values = new ArrayList<>();
    for (Map.Entry<String, JsonElement> field : json.entrySet()) {
      String name = CAMEL.getOrDefault(field.getKey(), field.getKey());
      JsonElement value = field.getValue();
      if (name.equals("key")) {
        key = value.getAsString();
      } else if (name.equals(operationKey)) {
        operation = value.getAsString();
      } else if (SINGLE_VALUES.contains(name)) {
        values.add(scalar(name, value));
      } else if (name.endsWith("_values")) {
        value
            .getAsJsonObject()
            .getAsJsonArray("values")
            .forEach(item -> values.add(scalar(name, item)));
      } else {
        throw KfpError.invalidArgument("Invalid filter: unknown field \"" + field.getKey() + "\"");
      }
    }
    if (key == null || operation == null || values.isEmpty()) {
      throw KfpError.invalidArgument("Invalid filter: a predicate needs key, operation and value");
    }
    return new Predicate(key, Predicate.Operation.parse(operation), List.copyOf(values));
  }

  private static Comparable<?> scalar(String kind, JsonElement value) {
    if (kind.startsWith("string")) {
      return value.getAsString();
    }
    if (kind.equals("timestamp_value")) {
      try {
        return Instant.parse(value.getAsString()).getEpochSecond();
      } catch (DateTimeParseException e) {
        throw KfpError.invalidArgument("Invalid filter: bad timestamp " + value);
      }
    }
    return value.getAsLong();
  }
}
