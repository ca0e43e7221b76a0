package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;

/** Reads a KFP cron expression (6 fields, seconds first) into the times it fires at. */
@FunctionalInterface
interface CronReader {

  /** The fire times of {@code expression}; throws a 400 {@link KfpError} when it is invalid. */
  FireTimes read(String expression);

  /** A sequence of fire times. */
  @FunctionalInterface
  interface FireTimes {

    /** The first fire time strictly after {@code instant}, or null when there is none. */
    Instant nextAfter(Instant instant);
  }
}
