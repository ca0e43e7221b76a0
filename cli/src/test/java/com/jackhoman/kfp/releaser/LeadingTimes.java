package com.jackhoman.kfp.releaser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When a replica held the Lease: the intervals between its starting and stopping to lead. */
final class LeadingTimes {

  private final List<Instant[]> intervals = new ArrayList<>();

  /** It started leading at {@code at}. */
  synchronized void started(Instant at) {
    intervals.add(new Instant[] {at, null});
  }

  /** It stopped leading at {@code at}. */
  synchronized void stopped(Instant at) {
    if (!intervals.isEmpty() && intervals.get(intervals.size() - 1)[1] == null) {
      intervals.get(intervals.size() - 1)[1] = at;
    }
  }

  /** Whether it held the Lease at {@code at}. */
  synchronized boolean at(Instant at) {
    return intervals.stream()
        .anyMatch(i -> !at.isBefore(i[0]) && (i[1] == null || at.isBefore(i[1])));
  }
}
