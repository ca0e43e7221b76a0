package com.jackhoman.kfp.releaser.bench;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.Map;
import java.util.Optional;

/**
 * How many of the workload's objects are Ready. What is not Ready is tallied by kind and reason, to
 * say what a run that never converges is waiting for.
 *
 * @param ready how many objects are Ready
 * @param notReady the objects not Ready, counted by "Kind/Reason"
 */
public record ReadyCensus(int ready, Map<String, Integer> notReady) {

  /** Whether every listed object of {@code kind} is Ready. */
  public boolean allReady(String kind) {
    return notReady.keySet().stream().noneMatch(key -> key.startsWith(kind + "/"));
  }

  /** Whether a Ready condition says True. */
  public static boolean isReady(Optional<Condition> condition) {
    return condition.map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
