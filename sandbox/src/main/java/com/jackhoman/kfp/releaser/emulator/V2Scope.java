package com.jackhoman.kfp.releaser.emulator;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The {@code namespace} and {@code experiment_id} query parameters of a v2beta1 list. */
final class V2Scope {

  private V2Scope() {}

  /** The rows in the namespace and experiment the request names, all when it names none. */
  static <T> List<T> rows(
      List<T> rows,
      ApiRequest request,
      Function<T, String> namespace,
      Function<T, String> experimentId) {
    Predicate<T> keep = row -> true;
    if (request.queryParameter("namespace").isPresent()) {
      String wanted = request.queryParameter("namespace").get();
      keep = keep.and(row -> namespace.apply(row).equals(wanted));
    }
    if (request.queryParameter("experiment_id").isPresent()) {
      String wanted = request.queryParameter("experiment_id").get();
      keep = keep.and(row -> experimentId.apply(row).equals(wanted));
    }
    return rows.stream().filter(keep).toList();
  }
}
