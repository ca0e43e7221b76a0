package com.jackhoman.kfp.releaser.sync.polling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the polls of one KFP kind that fail: during a KFP outage every scope's poll fails, so one
 * warning a minute says so and the rest go to debug level.
 */
final class PollFailures {

  private static final Logger LOG = LoggerFactory.getLogger(PollFailures.class);

  private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  private final String kfpKind;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

  PollFailures(String kfpKind) {
    this.kfpKind = kfpKind;
  }

  /** Logs that the scope holding {@code objects} objects of ours could not be polled. */
  void report(String scope, int objects, RuntimeException failed) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    boolean warn = now - last >= WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now);
    String message =
        "Could not check the KFP {}s of {} objects in scope \"{}\" against KFP ({}); keeping what"
            + " the last check found and checking again in one drift period"
            + (warn ? " (further failed checks are logged at debug level for a minute)" : "");
    Object[] arguments = {kfpKind, objects, scope, failed.getMessage()};
    if (warn) {
      LOG.warn(message, arguments);
    } else {
      LOG.debug(message, arguments);
    }
  }
}
