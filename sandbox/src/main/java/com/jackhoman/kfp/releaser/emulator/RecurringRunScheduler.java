package com.jackhoman.kfp.releaser.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Fires enabled recurring runs when the emulator's clock passes their trigger times, as KFP's
 * ScheduledWorkflow controller does: at most {@code max_concurrency} runs in flight (later triggers
 * wait), only the latest missed trigger with {@code no_catchup}, and each run RUNNING until {@code
 * runDuration} has passed, then SUCCEEDED (FAILED when a parameter is {@link StoredRun#FAIL}). A
 * one-off run, created PENDING, starts at the next catch-up, as KFP's persistence agent reports its
 * workflow running. Runs outlive their recurring run; a recurring run without a trigger never
 * fires. Each start is recorded with its effective parameters ({@link RunParameters#effective}).
 */
final class RecurringRunScheduler {

  private static final int MAX_FIRES_PER_CATCH_UP = 1_000;

  private final RecordTable<StoredRecurringRun> recurringRuns;
  private final RecordTable<StoredRun> runs;
  private final PipelineStore pipelines;
  private final IdSource ids;
  private final Duration runDuration;
  private final Map<String, Instant> lastFired = new HashMap<>();
  private final List<StartedRun> started = new CopyOnWriteArrayList<>();

  RecurringRunScheduler(
      RecordTable<StoredRecurringRun> recurringRuns,
      RecordTable<StoredRun> runs,
      PipelineStore pipelines,
      IdSource ids,
      Duration runDuration) {
    this.recurringRuns = recurringRuns;
    this.runs = runs;
    this.pipelines = pipelines;
    this.ids = ids;
    this.runDuration = runDuration;
  }

  /** Finishes the runs whose time is up and starts every run due by {@code now}. */
  synchronized void catchUp(Instant now) {
    for (StoredRun run : runs.all()) {
      if (run.state() == RunState.PENDING) {
        run = runs.update(run.id(), r -> r.started(now));
      }
      Instant end = run.startedAt().plus(runDuration);
      if (run.state() == RunState.RUNNING && !end.isAfter(now)) {
        runs.update(run.id(), r -> r.finished(end));
      }
    }
    Set<String> live =
        recurringRuns.all().stream().map(StoredRecurringRun::id).collect(Collectors.toSet());
    lastFired.keySet().retainAll(live);
    for (StoredRecurringRun recurringRun : recurringRuns.all()) {
      if (recurringRun.enabled() && recurringRun.trigger() != null) {
        fire(recurringRun, now);
      }
    }
  }

  private void fire(StoredRecurringRun recurringRun, Instant now) {
    FireTimes times = FireTimes.of(recurringRun.trigger());
    Instant cursor = lastFired.computeIfAbsent(recurringRun.id(), id -> start(recurringRun));
    Instant next = times.nextAfter(cursor);
    Instant end = recurringRun.trigger().endTime();
    for (int fired = 0;
        next != null
            && !next.isAfter(now)
            && (end == null || !next.isAfter(end))
            && fired < MAX_FIRES_PER_CATCH_UP;
        fired++) {
      Instant following = times.nextAfter(next);
      boolean skip = recurringRun.noCatchup() && following != null && !following.isAfter(now);
      if (!skip) {
        if (inFlight(recurringRun.id()) >= recurringRun.maxConcurrency()) {
          return;
        }
        start(recurringRun, next, now);
      }
      lastFired.put(recurringRun.id(), next);
      next = following;
    }
  }

  List<StartedRun> startedRuns() {
    return List.copyOf(started);
  }

  private static Instant start(StoredRecurringRun recurringRun) {
    Instant startTime = recurringRun.trigger().startTime();
    return startTime != null && startTime.isAfter(recurringRun.createdAt())
        ? startTime
        : recurringRun.createdAt();
  }

  private long inFlight(String recurringRunId) {
    return runs.all().stream()
        .filter(r -> recurringRunId.equals(r.recurringRunId()) && r.state() == RunState.RUNNING)
        .count();
  }

  private void start(StoredRecurringRun recurringRun, Instant scheduledAt, Instant now) {
    StoredVersion version =
        recurringRun.pipelineVersionId() != null
            ? pipelines.findVersion(recurringRun.pipelineVersionId()).orElse(null)
            : pipelines.latestVersion(recurringRun.pipelineId()).orElse(null);
    String versionId = version == null ? recurringRun.pipelineVersionId() : version.id();
    String runId = ids.next();
    // A run whose version is gone has no package to take defaults from, so it is not recorded.
    if (version != null) {
      started.add(
          new StartedRun(
              runId,
              recurringRun.id(),
              versionId,
              RunParameters.effective(recurringRun.requested(), version.pipelinePackage())));
    }
    runs.add(
        new StoredRun(
            runId,
            recurringRun.displayName() + "-" + scheduledAt.getEpochSecond(),
            "",
            recurringRun.namespace(),
            recurringRun.experimentId(),
            recurringRun.id(),
            recurringRun.pipelineId(),
            versionId,
            recurringRun.parameters(),
            recurringRun.serviceAccount(),
            RunState.RUNNING,
            now,
            scheduledAt,
            now,
            null,
            null));
  }
}
