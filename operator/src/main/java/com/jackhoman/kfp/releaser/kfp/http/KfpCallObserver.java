package com.jackhoman.kfp.releaser.kfp.http;

import java.time.Duration;

/** Hears of every HTTP call made to KFP, so the operator can count and time them. */
@FunctionalInterface
public interface KfpCallObserver {

  /**
   * One call ended.
   *
   * @param method the HTTP method
   * @param path the URL path, ids included
   * @param status the HTTP status, or 0 when no answer arrived
   * @param took how long it took
   */
  void called(String method, String path, int status, Duration took);

  /** An observer that ignores everything. */
  static KfpCallObserver none() {
    return (method, path, status, took) -> {};
  }
}
