package com.jackhoman.kfp.releaser.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one conditions helper: sets a condition the Kubernetes way, with the object's generation,
 * keeping {@code lastTransitionTime} when the condition's status does not flip.
 */
public final class Conditions {

  private final Clock clock;

  /** Creates the helper; {@code clock} stamps transitions. */
  public Conditions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns {@code current} with the condition of {@code type} set, all others kept in order.
   *
   * @param current the conditions as they are, possibly null
   * @param holds whether the condition holds
   * @param reason why
   * @param message what happened and what to do, for a person
   * @param generation the generation of the spec this was computed from
   */
  public List<Condition> set(
      List<Condition> current,
      ConditionType type,
      boolean holds,
      Reason reason,
      String message,
      long generation) {
    String status = holds ? "True" : "False";
    Optional<Condition> previous = find(current, type);
    String transitionTime =
        previous
            .filter(c -> status.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElseGet(this::now);
    Condition condition =
        new ConditionBuilder()
            .withType(type.name())
            .withStatus(status)
            .withReason(reason.name())
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transitionTime)
            .build();
    List<Condition> updated = new ArrayList<>();
    boolean replaced = false;
    for (Condition existing : current == null ? List.<Condition>of() : current) {
      if (type.name().equals(existing.getType())) {
        updated.add(condition);
        replaced = true;
      } else {
        updated.add(existing);
      }
    }
    if (!replaced) {
      updated.add(condition);
    }
    return updated;
  }

  /** The condition of {@code type}, if present. */
  public static Optional<Condition> find(List<Condition> conditions, ConditionType type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.name().equals(c.getType())).findFirst();
  }

  /** True when the condition of {@code type} is present and holds. */
  public static boolean holds(List<Condition> conditions, ConditionType type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(
        clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}
