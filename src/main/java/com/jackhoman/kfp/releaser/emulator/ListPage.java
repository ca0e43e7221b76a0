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
    Comparator<T> order =
        Comparator.<T, Comparable<?>>comparing(
                row -> table.value(row, request.sortField()), Predicate::compare)
            .thenComparing(table.id());
    if (request.descending()) {
      order = order.reversed();
    }
    List<T> matching =
        all.stream()
            .filter(row -> request.predicates().stream().allMatch(p -> p.matches(row, table)))
            .sorted(order)
            .toList();
    int start = 0;
    if (request.token() != null) {
      while (start < matching.size() && before(matching.get(start), request, table)) {
        start++;
      }
    }
    int end = Math.min(matching.size(), start + request.pageSize());
    String next = null;
    if (end < matching.size()) {
      T first = matching.get(end);
      next = request.nextToken(table.value(first, request.sortField()), table.id().apply(first));
    }
    return new ListPage<>(matching.subList(start, end), matching.size(), next);
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

  private static <T> boolean before(T row, ListRequest request, FieldTable<T> table) {
    int byValue = Predicate.compare(table.value(row, request.sortField()), request.token().value());
    int cmp = byValue != 0 ? byValue : table.id().apply(row).compareTo(request.token().id());
    return request.descending() ? cmp > 0 : cmp < 0;
  }
}
