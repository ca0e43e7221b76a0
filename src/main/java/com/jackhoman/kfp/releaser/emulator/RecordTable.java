package com.jackhoman.kfp.releaser.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Objects of one kind that KFP keeps by id only, with no name uniqueness (recurring runs, runs).
 */
final class RecordTable<T> {

  private final String kind;
  private final Function<T, String> id;
  private final Map<String, T> rows = new LinkedHashMap<>();

  RecordTable(String kind, Function<T, String> id) {
    this.kind = kind;
    this.id = id;
  }

  synchronized T add(T row) {
    rows.put(id.apply(row), row);
    return row;
  }

  synchronized T get(String key) {
    T row = rows.get(key);
    if (row == null) {
      throw KfpError.notFound("ResourceNotFoundError: " + kind + " " + key + " not found");
    }
    return row;
  }

  synchronized T update(String key, UnaryOperator<T> change) {
    T changed = change.apply(get(key));
    rows.put(key, changed);
    return changed;
  }

  synchronized List<T> all() {
    return List.copyOf(rows.values());
  }

  synchronized void remove(String key) {
    get(key);
    rows.remove(key);
  }
}
