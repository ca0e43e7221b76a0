package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunstatus.LastRuns;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.ownership.Ownership;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a RecurringRun's status says of its KFP recurring run once nothing is awaited: being
 * created, someone else's, scheduled or suspended; its ids, recent runs and next fire times; a
 * repair of drift; the duplicates a handover removed.
 */
final class RecurringRunReport {

  private final ConditionReporter reporter;
  private final Clock clock;

  RecurringRunReport(ConditionReporter reporter, Clock clock) {
    this.reporter = reporter;
    this.clock = clock;
  }

  /**
   * Fills {@code next} in from what KFP holds now ({@code inKfp}) and held before the reconcile
   * ({@code before}); returns its conditions.
   */
  List<Condition> report(
      RecurringRun run,
      RecurringRunStatus current,
      RecurringRunStatus next,
      Optional<KfpRecurringRunsOf> before,
      Optional<KfpRecurringRunsOf> inKfp) {
    List<Condition> conditions = next.getConditions();
    if (inKfp.isEmpty()) {
      return reporter.ready(
          run,
          conditions,
          false,
          Reason.Progressing,
          "Creating the KFP recurring run \"" + OwnerMarks.kfpName(run) + "\"");
    }
    KfpRecurringRun scheduled = inKfp.get().current();
    Ownership ownership = Ownership.of(scheduled.owner(), run);
    if (ownership != Ownership.OURS) {
      ids(next, Optional.empty());
      return reporter.ready(
          run,
          conditions,
          false,
          Reason.NotOwned,
          ownership.notOwnedMessage("recurring run", OwnerMarks.kfpName(run)));
    }
    conditions = reporter.drift(run, conditions, drift(current, before, scheduled));
    if (inKfp.get().leftovers().isEmpty()) {
      reporter.duplicatesRemoved(
          run,
          before.stream()
              .flatMap(b -> b.leftovers().stream())
              .map(KfpRecurringRun::id)
              .filter(id -> !id.equals(scheduled.id()))
              .toList(),
          scheduled.id());
    }
    ids(next, inKfp);
    String named = "KFP recurring run \"" + scheduled.name() + "\" is ";
    String id = " (id " + scheduled.id() + ")";
    return scheduled.enabled()
        ? reporter.ready(run, conditions, true, Reason.Synced, named + "scheduled" + id)
        : reporter.ready(
            run,
            conditions,
            true,
            Reason.Suspended,
            named + "suspended: disabled in KFP, its id and history kept" + id);
  }

  /** The repair to report when the KFP recurring run was found deleted and created again. */
  private static Optional<String> drift(
      RecurringRunStatus current, Optional<KfpRecurringRunsOf> before, KfpRecurringRun now) {
    return before.isEmpty() && current.getId() != null && !current.getId().equals(now.id())
        ? Optional.of(
            "KFP recurring run "
                + current.getId()
                + " was deleted outside kfp-releaser; created it again as "
                + now.id())
        : Optional.empty();
  }

  /**
   * Writes the KFP side into {@code status}; clears it when there is nothing of ours (with empty
   * lists, not nulls: a status merge patch leaves out nulls and would keep the old lists).
   */
  private void ids(RecurringRunStatus status, Optional<KfpRecurringRunsOf> inKfp) {
    Optional<KfpRecurringRun> scheduled = inKfp.map(KfpRecurringRunsOf::current);
    status.setId(scheduled.map(KfpRecurringRun::id).orElse(null));
    status.setPipelineId(scheduled.map(KfpRecurringRun::pipelineId).orElse(null));
    status.setVersionId(scheduled.map(KfpRecurringRun::pipelineVersionId).orElse(null));
    status.setExperimentId(scheduled.map(KfpRecurringRun::experimentId).orElse(null));
    status.setPreviousIds(
        inKfp.stream().flatMap(k -> k.leftovers().stream()).map(KfpRecurringRun::id).toList());
    List<KfpRun> recentRuns = inKfp.map(KfpRecurringRunsOf::recentRuns).orElse(List.of());
    status.setLastRuns(recentRuns.stream().map(RecurringRunReport::lastRun).toList());
    status.setNextRunTimes(
        scheduled.map(r -> NextRunTimes.of(r, recentRuns, clock.instant())).orElse(List.of()));
  }

  private static LastRuns lastRun(KfpRun run) {
    LastRuns lastRun = new LastRuns();
    lastRun.setId(run.id());
    lastRun.setState(run.state().name());
    lastRun.setStartedAt(utc(run.createdAt()));
    lastRun.setFinishedAt(run.finishedAt().map(RecurringRunReport::utc).orElse(null));
    return lastRun;
  }

  private static ZonedDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
  }
}
