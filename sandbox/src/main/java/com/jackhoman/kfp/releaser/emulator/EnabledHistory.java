package com.jackhoman.kfp.releaser.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Records every change of a recurring run's enabled state, in order, from the changes of the
 * recurring-run table.
 */
final class EnabledHistory implements BiConsumer<StoredRecurringRun, StoredRecurringRun> {

  private final Clock clock;
  private final List<EnabledTransition> transitions = new ArrayList<>();

  EnabledHistory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void accept(StoredRecurringRun before, StoredRecurringRun after) {
    boolean wasEnabled = before != null && before.enabled();
    boolean isEnabled = after != null && after.enabled();
    if (wasEnabled != isEnabled) {
      StoredRecurringRun run = after == null ? before : after;
      transitions.add(
          new EnabledTransition(
              transitions.size(), clock.instant(), run.id(), run.description(), isEnabled));
    }
  }

  synchronized List<EnabledTransition> transitions() {
    return List.copyOf(transitions);
  }
}
