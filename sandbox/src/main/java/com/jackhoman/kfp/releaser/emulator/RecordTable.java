package com.jackhoman.kfp.releaser.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Objects of one kind that KFP keeps by id only, with no name uniqueness (recurring runs, runs),
 * telling a listener of every change in the order they happen.
 */
final class RecordTable<T> {

  private final String kind;
  private final Function<T, String> id;
  private final BiConsumer<T, T> changes;
  private final Map<String, T> rows = new LinkedHashMap<>();

  RecordTable(String kind, Function<T, String> id) {
    this(kind, id, (before, after) -> {});
  }

  /**
   * @param changes called under the table's lock with the row before (null when added) and after
   *     (null when removed) each change
   */
  RecordTable(String kind, Function<T, String> id, BiConsumer<T, T> changes) {
    this.kind = kind;
    this.id = id;
    this.changes = changes;
  }

  synchronized T add(T row) {
    changes.accept(rows.put(id.apply(row), row), row);
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
    T before = get(key);
    T changed = change.apply(before);
    rows.put(key, changed);
    changes.accept(before, changed);
    return changed;
  }

  synchronized List<T> all() {
    return List.copyOf(rows.values());
  }

  synchronized void remove(String key) {
    changes.accept(get(key), null);
    rows.remove(key);
  }
}
