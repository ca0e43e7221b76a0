package com.jackhoman.kfp.releaser.kfp.http;

import java.time.Duration;

/** Waits between retries; injected so tests neither sleep nor depend on the wall clock. */
@FunctionalInterface
public interface Sleeper {

  /** Blocks for the given time. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real one, backed by {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
