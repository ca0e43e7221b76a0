package com.jackhoman.kfp.releaser.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records when JOSDK starts each reconcile, and of which kind, and each reconcile that failed (and
 * will be retried with backoff), through its metrics hook, so that the benchmark can count
 * reconciles per phase.
 */
public final class ReconcileLog implements Metrics {

  /**
   * One reconcile: the kind of the object and when it started, or for a failed one, the kind and
   * the exception's type and when it failed.
   */
  public record Reconcile(String kind, Instant time) {}

  private final ConcurrentLinkedQueue<Reconcile> reconciles = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Reconcile> failures = new ConcurrentLinkedQueue<>();
  private final Clock clock;

  /** A log that stamps reconciles with this clock. */
  public ReconcileLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    reconciles.add(new Reconcile(resource.getKind(), clock.instant()));
  }

  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    failures.add(
        new Reconcile(
            resource.getKind() + " " + exception.getClass().getSimpleName(), clock.instant()));
  }

  /** The reconciles started from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Reconcile> between(Instant from, Instant to) {
    return within(reconciles, from, to);
  }

  /** The reconciles that failed from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Reconcile> failedBetween(Instant from, Instant to) {
    return within(failures, from, to);
  }

  private static List<Reconcile> within(
      ConcurrentLinkedQueue<Reconcile> records, Instant from, Instant to) {
    return records.stream().filter(r -> !r.time().isBefore(from) && r.time().isBefore(to)).toList();
  }

  /** When the last reconcile started, or {@code since} if none started after it. */
  public Instant lastStartAfter(Instant since) {
    return reconciles.stream()
        .map(Reconcile::time)
        .filter(time -> time.isAfter(since))
        .max(Instant::compareTo)
        .orElse(since);
  }
}
