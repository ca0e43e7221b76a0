package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;

/** When a recurring run fires: a KFP cron expression or an interval, within optional bounds. */
record Trigger(String cron, long intervalSeconds, Instant startTime, Instant endTime) {

  boolean isCron() {
    return cron != null;
  }
}
