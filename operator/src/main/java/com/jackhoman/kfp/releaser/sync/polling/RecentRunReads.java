package com.jackhoman.kfp.releaser.sync.polling;

import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import com.jackhoman.kfp.releaser.kfp.schedule.CronSchedule;
import com.jackhoman.kfp.releaser.kfp.schedule.InvalidCronException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The recent runs of each recurring run, read from KFP again only when they may have changed: a run
 * was still going at the last read, the schedule fired since shortly before it, or the recurring
 * run itself changed. A recurring run that fires nightly costs no read between nights.
 */
public final class RecentRunReads {

  /** How long after a fire time KFP's scheduler may take to start the run. */
  private static final Duration SCHEDULER_LAG = Duration.ofMinutes(2);

  private final Clock clock;
  private final Map<String, Read> byRecurringRun = new ConcurrentHashMap<>();

  public RecentRunReads(Clock clock) {
    this.clock = clock;
  }

  /** The recent runs of {@code recurringRun}: the last read's, or {@code read}'s answer now. */
  public List<KfpRun> of(KfpRecurringRun recurringRun, Supplier<List<KfpRun>> read) {
    Instant now = clock.instant();
    Read last = byRecurringRun.get(recurringRun.id());
    if (last != null && !last.stale(recurringRun, now)) {
      return last.runs();
    }
    List<KfpRun> runs = read.get();
    byRecurringRun.put(recurringRun.id(), new Read(recurringRun, runs, now));
    return runs;
  }

  /** Records that a recurring run made just now has no runs yet. */
  public void madeNow(KfpRecurringRun recurringRun) {
    byRecurringRun.put(recurringRun.id(), new Read(recurringRun, List.of(), clock.instant()));
  }

  /** Drops what is known of a recurring run that is gone. */
  public void forget(String recurringRunId) {
    byRecurringRun.remove(recurringRunId);
  }

  /** One read of a recurring run's recent runs. */
  private record Read(KfpRecurringRun readFor, List<KfpRun> runs, Instant at) {

    boolean stale(KfpRecurringRun now, Instant time) {
      return !readFor.equals(now)
          || runs.stream().anyMatch(run -> run.finishedAt().isEmpty())
          || firedSince(at.minus(SCHEDULER_LAG), time);
    }

    private boolean firedSince(Instant since, Instant time) {
      KfpTrigger trigger = readFor.trigger();
      if (trigger instanceof KfpTrigger.Periodic periodic) {
        return !since.plus(periodic.interval()).isAfter(time);
      }
      try {
        String expression = ((KfpTrigger.Cron) trigger).expression();
        return CronSchedule.parse(expression)
            .nextFireTimes(since.atZone(ZoneOffset.UTC), 1)
            .stream()
            .anyMatch(next -> !next.toInstant().isAfter(time));
      } catch (InvalidCronException unreadable) {
        return true;
      }
    }
  }
}
