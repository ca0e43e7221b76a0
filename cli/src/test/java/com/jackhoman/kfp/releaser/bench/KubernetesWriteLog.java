package com.jackhoman.kfp.releaser.bench;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every write (POST, PUT, PATCH, DELETE) a fabric8 client sends, as an HTTP interceptor on
 * the operator's client only, so that the benchmark can count the operator's Kubernetes writes per
 * phase.
 */
public final class KubernetesWriteLog implements Interceptor {

  /** One write: its method, its path without query, and when it was sent. */
  public record Write(String method, String path, Instant time) {}

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
  private final Clock clock;

  /** A log that stamps writes with this clock. */
  public KubernetesWriteLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (WRITES.contains(request.method())) {
      writes.add(new Write(request.method(), request.uri().getPath(), clock.instant()));
    }
  }

  /** When the last write was sent, or {@code since} if none was sent after it. */
  public Instant lastAfter(Instant since) {
    return writes.stream()
        .map(Write::time)
        .filter(time -> time.isAfter(since))
        .max(Instant::compareTo)
        .orElse(since);
  }

  /** The writes sent from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<Write> between(Instant from, Instant to) {
    return writes.stream().filter(w -> !w.time().isBefore(from) && w.time().isBefore(to)).toList();
  }
}
