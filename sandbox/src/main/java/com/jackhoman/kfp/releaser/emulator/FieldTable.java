package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The API field names one kind can be filtered and sorted on, and how to read each from a stored
 * object; values come out as strings or longs (timestamps as Unix seconds), tags as strings.
 */
record FieldTable<T>(
    Map<String, Function<T, Object>> fields,
    Function<T, String> id,
    Function<T, Map<String, String>> tags) {

  private static final String TAG_PREFIX = "tags.";

  FieldTable(Map<String, Function<T, Object>> fields, Function<T, String> id) {
    this(fields, id, null);
  }

  /** This table plus keys {@code tags.<key>} read from the rows' tags (v2beta1 from 2.17 on). */
  FieldTable<T> withTags(Function<T, Map<String, String>> tagsOf) {
    return new FieldTable<>(fields, id, tagsOf);
  }

  /** This table with only the {@code keys} that a release's model map has. */
  FieldTable<T> only(Set<String> keys) {
    Map<String, Function<T, Object>> kept = new HashMap<>(fields);
    kept.keySet().retainAll(keys);
    return new FieldTable<>(Map.copyOf(kept), id, tags);
  }

  boolean knows(String key) {
    return fields.containsKey(key)
        || (tags != null && key.startsWith(TAG_PREFIX) && key.length() > TAG_PREFIX.length());
  }

  Comparable<?> value(T row, String key) {
    if (!fields.containsKey(key)) {
      return tags.apply(row).getOrDefault(key.substring(TAG_PREFIX.length()), "");
    }
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
