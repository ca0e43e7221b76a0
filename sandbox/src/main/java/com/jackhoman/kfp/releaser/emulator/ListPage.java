package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** One page of a list call: the rows, the count over the whole filter and the next token. */
record ListPage<T>(List<T> rows, int totalSize, String nextPageToken) {

  /** Filters, sorts and cuts {@code all} into the page that {@code request} asks for. */
  static <T> ListPage<T> of(List<T> all, ListRequest request, FieldTable<T> table) {
    if (!table.knows(request.sortField())) {
      throw KfpError.invalidArgument(
          "Invalid sorting field: \"" + request.sortField() + "\" on listing");
    }
    for (Predicate predicate : request.predicates()) {
      if (!table.knows(predicate.key())) {
        throw KfpError.invalidArgument(
            "no support for filtering on unrecognized field \"" + predicate.key() + "\"");
      }
    }
    List<Keyed<T>> matching =
        all.stream()
            .filter(row -> request.predicates().stream().allMatch(p -> p.matches(row, table)))
            .map(
                row ->
                    new Keyed<>(row, table.value(row, request.sortField()), table.id().apply(row)))
            .sorted(request.descending() ? Keyed.<T>order().reversed() : Keyed.order())
            .toList();
    int start = 0;
    if (request.token() != null) {
      Keyed<T> token = new Keyed<>(null, request.token().value(), request.token().id());
      int sign = request.descending() ? -1 : 1;
      while (start < matching.size()
          && sign * Keyed.<T>order().compare(matching.get(start), token) < 0) {
        start++;
      }
    }
    int end = Math.min(matching.size(), start + request.pageSize());
    String next = null;
    if (end < matching.size()) {
      next = request.nextToken(matching.get(end).value(), matching.get(end).id());
    }
    List<T> rows = matching.subList(start, end).stream().map(Keyed::row).toList();
    return new ListPage<>(rows, matching.size(), next);
  }

  /** The list response: {@code {<key>: [...], total_size, next_page_token}}. */
  JsonObject toJson(String key, Function<T, JsonObject> shape) {
    JsonArray items = new JsonArray();
    rows.forEach(row -> items.add(shape.apply(row)));
    return new ProtoJson()
        .element(key, items)
        .int32("total_size", totalSize)
        .string("next_page_token", nextPageToken)
        .build();
  }

  /** A row with its sort value and id read once. */
  private record Keyed<T>(T row, Comparable<?> value, String id) {

    static <T> Comparator<Keyed<T>> order() {
      return Comparator.<Keyed<T>, Comparable<?>>comparing(Keyed::value, Predicate::compare)
          .thenComparing(Keyed::id);
    }
  }
}
