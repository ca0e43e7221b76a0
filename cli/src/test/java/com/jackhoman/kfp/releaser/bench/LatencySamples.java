package com.jackhoman.kfp.releaser.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Measured one-more-object latencies and their percentiles (nearest rank: with 20 samples p99 is
 * the largest).
 *
 * @param samples the probes, in the order they were measured
 */
public record LatencySamples(List<Sample> samples) {

  /**
   * One probe.
   *
   * @param created when its create was sent
   * @param toReady how long after that it was first seen Ready
   */
  public record Sample(Instant created, Duration toReady) {}

  /** The latency below which {@code percent} % of the samples lie; zero without samples. */
  public Duration percentile(int percent) {
    if (samples.isEmpty()) {
      return Duration.ZERO;
    }
    List<Duration> sorted = samples.stream().map(Sample::toReady).sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The last probe, if any ran. */
  public Optional<Sample> last() {
    return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
  }

  /** "p50/p99 s (n)", e.g. {@code 0.21/0.40 (20)}, or "-" without samples. */
  public String summary() {
    if (samples.isEmpty()) {
      return "-";
    }
    return "%.2f/%.2f (%d)"
        .formatted(
            percentile(50).toMillis() / 1e3, percentile(99).toMillis() / 1e3, samples.size());
  }
}
