package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What KFP holds for one RecurringRun: the current KFP recurring run, the leftovers of an
 * interrupted handover (other recurring runs under the same mark), and the current one's most
 * recent runs, newest first.
 *
 * @param current the enabled one, else the newest
 * @param leftovers every other one found, to be retired
 * @param recentRuns the latest runs of {@code current}
 */
record KfpRecurringRunsOf(
    KfpRecurringRun current, List<KfpRecurringRun> leftovers, List<KfpRun> recentRuns) {

  private static final Comparator<KfpRecurringRun> PREFERENCE =
      Comparator.comparing(KfpRecurringRun::enabled)
          .thenComparing(r -> r.createdAt() == null ? Instant.MIN : r.createdAt())
          .thenComparing(KfpRecurringRun::id)
          .reversed();

  KfpRecurringRunsOf {
    leftovers = List.copyOf(leftovers);
    recentRuns = List.copyOf(recentRuns);
  }

  /** Splits a non-empty list of found recurring runs into the current one and the leftovers. */
  static KfpRecurringRunsOf of(List<KfpRecurringRun> found) {
    List<KfpRecurringRun> preferred = found.stream().sorted(PREFERENCE).toList();
    return new KfpRecurringRunsOf(
        preferred.get(0), preferred.subList(1, preferred.size()), List.of());
  }

  /** The same recurring runs with the current one's recent runs. */
  KfpRecurringRunsOf withRecentRuns(List<KfpRun> runs) {
    return new KfpRecurringRunsOf(current, leftovers, runs);
  }

  /** The current one and the leftovers. */
  Stream<KfpRecurringRun> all() {
    return Stream.concat(Stream.of(current), leftovers.stream());
  }
}
