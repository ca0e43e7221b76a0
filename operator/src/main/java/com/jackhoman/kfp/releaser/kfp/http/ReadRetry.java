package com.jackhoman.kfp.releaser.kfp.http;

import java.time.Duration;

/**
 * How often an idempotent read is tried when KFP is unavailable, and the capped exponential backoff
 * between tries; writes are never retried.
 */
public record ReadRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  public ReadRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Four tries, waiting 200 ms, 400 ms, 800 ms (capped at 5 s). */
  public static ReadRetry standard() {
    return new ReadRetry(4, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** The wait after the given failed attempt (1-based). */
  public Duration backoffAfter(int attempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
