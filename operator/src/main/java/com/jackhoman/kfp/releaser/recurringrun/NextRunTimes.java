package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import com.jackhoman.kfp.releaser.kfp.schedule.CronSchedule;
import com.jackhoman.kfp.releaser.kfp.schedule.InvalidCronException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a KFP recurring run fires next, as KFP's scheduler computes it: by its cron expression, or
 * one interval after its latest run (or its start), never after its end; none while disabled.
 */
final class NextRunTimes {

  /** How many fire times status.nextRunTimes shows. */
  static final int COUNT = 3;

  private NextRunTimes() {}

  /** The next fire times after {@code now} as RFC 3339 UTC timestamps, soonest first. */
  static List<String> of(KfpRecurringRun recurringRun, List<KfpRun> recentRuns, Instant now) {
    if (!recurringRun.enabled()) {
      return List.of();
    }
    KfpTrigger trigger = recurringRun.trigger();
    Instant after =
        trigger.start().filter(now::isBefore).map(start -> start.minusSeconds(1)).orElse(now);
    List<Instant> times = new ArrayList<>();
    if (trigger instanceof KfpTrigger.Cron cron) {
      try {
        CronSchedule.parse(cron.expression())
            .nextFireTimes(after.atZone(ZoneOffset.UTC), COUNT)
            .forEach(time -> times.add(time.toInstant()));
      } catch (InvalidCronException unreadable) {
        return List.of();
      }
    } else if (trigger instanceof KfpTrigger.Periodic periodic) {
      long interval = periodic.interval().toSeconds();
      Instant anchor =
          recentRuns.stream()
              .findFirst()
              .map(KfpRun::createdAt)
              .or(periodic::start)
              .or(() -> Optional.ofNullable(recurringRun.createdAt()))
              .orElse(now);
      long elapsed = Math.max(0, after.getEpochSecond() - anchor.getEpochSecond());
      for (long k = elapsed / interval + 1; times.size() < COUNT; k++) {
        times.add(anchor.plusSeconds(k * interval));
      }
    }
    return times.stream()
        .filter(time -> trigger.end().map(end -> !time.isAfter(end)).orElse(true))
        .map(time -> DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)))
        .toList();
  }
}
