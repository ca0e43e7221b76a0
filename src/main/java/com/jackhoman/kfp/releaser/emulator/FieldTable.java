package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The API field names one kind can be filtered and sorted on, and how to read each from a stored
 * object; values come out as strings or longs (timestamps as Unix seconds).
 */
record FieldTable<T>(Map<String, Function<T, Object>> fields, Function<T, String> id) {

  boolean knows(String key) {
    return fields.containsKey(key);
  }

  Comparable<?> value(T row, String key) {
    Object value = fields.get(key).apply(row);
    if (value instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value == null ? "" : value.toString();
  }
}
