package com.jackhoman.kfp.releaser.kfp.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a KFP list answer, and the walk over all pages by page token. */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /**
   * Fetches page after page (the function gets the token, empty for the first page) until KFP gives
   * no next token or {@code limit} items are collected.
   */
  public static <T> List<T> walk(Function<String, Page<T>> fetch, int limit) {
    List<T> all = new ArrayList<>();
    String token = "";
    do {
      Page<T> page = fetch.apply(token);
      for (T item : page.items()) {
        if (all.size() == limit) {
          return all;
        }
        all.add(item);
      }
      token = page.nextPageToken();
    } while (token != null && !token.isEmpty() && all.size() < limit);
    return all;
  }
}
