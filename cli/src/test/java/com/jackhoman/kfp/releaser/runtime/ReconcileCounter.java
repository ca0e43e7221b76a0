package com.jackhoman.kfp.releaser.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, per object, the reconciles JOSDK ran and the ones that ended in an exception, as JOSDK
 * reports them to its metrics: how a test sees a hot loop or a crash loop.
 */
final class ReconcileCounter implements Metrics {

  private final Map<String, AtomicLong> started = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    count(started, resource);
  }

  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    count(failed, resource);
  }

  /** How many reconciles of {@code kind} {@code namespace/name} have started so far. */
  long started(String kind, String namespace, String name) {
    return started.getOrDefault(key(kind, namespace, name), new AtomicLong()).get();
  }

  /** How many reconciles of {@code kind} {@code namespace/name} have failed so far. */
  long failed(String kind, String namespace, String name) {
    return failed.getOrDefault(key(kind, namespace, name), new AtomicLong()).get();
  }

  private static void count(Map<String, AtomicLong> counts, HasMetadata resource) {
    counts
        .computeIfAbsent(
            key(
                resource.getKind(),
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName()),
            k -> new AtomicLong())
        .incrementAndGet();
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
