package com.jackhoman.kfp.releaser.emulator;

import com.jackhoman.kfp.releaser.kfp.schedule.CronSchedule;
import com.jackhoman.kfp.releaser.kfp.schedule.InvalidCronException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The times a trigger fires at, in UTC: its KFP cron expression's or every interval. */
@FunctionalInterface
interface FireTimes {

  /** The first fire time strictly after {@code instant}, or null when there is none. */
  Instant nextAfter(Instant instant);

  /** Reads a trigger; an invalid cron expression is a 400 as in KFP. */
  static FireTimes of(Trigger trigger) {
    if (!trigger.isCron()) {
      Duration interval = Duration.ofSeconds(trigger.intervalSeconds());
      return instant -> instant.plus(interval);
    }
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parseAsKfp(trigger.cron());
    } catch (InvalidCronException e) {
      throw KfpError.invalidArgument(
          "Failed to convert a recurring run: invalid cron schedule format: " + e.getMessage());
    }
    return instant ->
        schedule.nextFireTimes(instant.atZone(ZoneOffset.UTC), 1).stream()
            .findFirst()
            .map(ZonedDateTime::toInstant)
            .orElse(null);
  }
}
