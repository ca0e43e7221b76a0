package com.jackhoman.kfp.releaser.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets an object's Ready and Drifted conditions and records an event when one changes, never when
 * it stays: events follow transitions, not reconciles. Waiting for another object is a transition
 * of the condition only: in a large sync nearly every object waits for a moment, and an event each
 * would double the writes while telling nothing the condition does not.
 */
public final class ConditionReporter {

  private final Conditions conditions;
  private final EventRecorder events;

  /** Creates a reporter setting conditions with {@code conditions}, recording to {@code events}. */
  public ConditionReporter(Conditions conditions, EventRecorder events) {
    this.conditions = conditions;
    this.events = events;
  }

  /** Returns {@code current} with Ready set; records an event if Ready's status or reason moved. */
  public List<Condition> ready(
      HasMetadata object, List<Condition> current, boolean ready, Reason reason, String message) {
    Optional<Condition> before = Conditions.find(current, ConditionType.Ready);
    boolean moved =
        before.isEmpty()
            || !Objects.equals(before.get().getStatus(), ready ? "True" : "False")
            || !Objects.equals(before.get().getReason(), reason.name());
    if (moved && reason != Reason.Waiting) {
      if (ready || !(reason.terminal() || reason == Reason.KfpUnavailable)) {
        events.normal(object, reason.name(), message);
      } else {
        events.warning(object, reason.name(), message);
      }
    }
    return conditions.set(
        current,
        ConditionType.Ready,
        ready,
        reason,
        message,
        object.getMetadata().getGeneration() == null ? 0 : object.getMetadata().getGeneration());
  }

  /**
   * Returns {@code current} with Drifted recording a repair, and records a Warning event, when
   * {@code repair} is present; untouched otherwise. The condition then reads False (KFP matches
   * again) with reason Repaired and says what was found and done, until the next drift.
   *
   * @param repair what was found changed or deleted outside the operator, and how it was repaired
   */
  public List<Condition> drift(
      HasMetadata object, List<Condition> current, Optional<String> repair) {
    if (repair.isEmpty()) {
      return current;
    }
    events.warning(object, Reason.Drifted.name(), repair.get());
    return conditions.set(
        current,
        ConditionType.Drifted,
        false,
        Reason.Repaired,
        repair.get(),
        object.getMetadata().getGeneration() == null ? 0 : object.getMetadata().getGeneration());
  }

  /**
   * Records a Warning event that the KFP objects {@code removed} were duplicates of {@code kept}
   * and are gone, when there were any.
   */
  public void duplicatesRemoved(HasMetadata object, List<String> removed, String kept) {
    if (!removed.isEmpty()) {
      events.warning(
          object,
          Reason.DuplicatesRemoved.name(),
          "Removed duplicate KFP objects "
              + String.join(", ", removed)
              + " (left by a KFP call answered late or an interrupted handover); kept "
              + kept);
    }
  }

  /**
   * True when KFP refused this very generation of the spec ({@code Rejected} or {@code Conflict}):
   * the operator makes no more KFP writes for it until the spec changes.
   */
  public static boolean refusedAtThisGeneration(HasMetadata object, List<Condition> current) {
    return Conditions.find(current, ConditionType.Ready)
        .filter(
            c ->
                Reason.Rejected.name().equals(c.getReason())
                    || Reason.Conflict.name().equals(c.getReason()))
        .filter(
            c -> Objects.equals(c.getObservedGeneration(), object.getMetadata().getGeneration()))
        .isPresent();
  }
}
