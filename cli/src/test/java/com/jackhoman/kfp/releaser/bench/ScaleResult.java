package com.jackhoman.kfp.releaser.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one scale run measured, and its row in the benchmark's Markdown table.
 *
 * @param objects the objects applied at once (N)
 * @param namespaces the namespaces they were spread over
 * @param options the run's settings
 * @param converge from the first create to all N objects Ready
 * @param kubernetesFloor the {@link KubernetesFloor}: the least time the embedded API needs for the
 *     apply and what any operator must write per object, with no operator running
 * @param convergeObjects the objects created while converging: N plus the probes applied then
 * @param quiet whether the operator went quiet (no reconcile and no write for a second) before
 *     steady state
 * @param converging from the first create until the operator was quiet
 * @param steady the steady-state window
 * @param resync every object reconciled once more with nothing changed (an annotation added)
 * @param heapBytes heap used after convergence, after a full GC (the whole JVM)
 * @param idleProbes one-more-object latencies while the system was idle
 * @param convergingProbes one-more-object latencies while the N objects were converging
 * @param milestones after the first create, when all objects were created and each kind was all
 *     Ready
 * @param idleProbeSteps the last idle probe step by step, from {@link ProbeTimeline}
 */
public record ScaleResult(
    int objects,
    int namespaces,
    ScaleOptions options,
    Duration converge,
    Duration kubernetesFloor,
    int convergeObjects,
    boolean quiet,
    PhaseActivity converging,
    PhaseActivity steady,
    PhaseActivity resync,
    long heapBytes,
    LatencySamples idleProbes,
    LatencySamples convergingProbes,
    Map<String, Duration> milestones,
    String idleProbeSteps) {

  private static final List<String> COLUMNS =
      List.of(
          "N",
          "namespaces",
          "P",
          "L ms",
          "converge s",
          "applied s",
          "ideal s",
          "ratio",
          "k8s floor s",
          "ratio to floor",
          "KFP reads/obj",
          "KFP writes/obj",
          "steady KFP calls/period",
          "steady KFP writes",
          "steady k8s writes",
          "reconciles/obj/period",
          "heap MiB",
          "CPU s",
          "one more, idle: p50/p99 s (n)",
          "one more, converging: p50/p99 s (n)");

  /** The Markdown table header, two lines. */
  public static String header() {
    return "| " + String.join(" | ", COLUMNS) + " |\n" + "|" + "---:|".repeat(COLUMNS.size());
  }

  /** {@code ceil(N / P) × L}: the converge time if the only cost were one create per object. */
  public Duration ideal() {
    long rounds = (objects + options.parallelism() - 1) / options.parallelism();
    return options.latency().multipliedBy(rounds);
  }

  /** KFP writes per object created while converging; the goal is exactly 1.0. */
  public double kfpWritesPerObject() {
    return (double) converging.kfpWrites() / convergeObjects;
  }

  /** KFP reads per object created while converging; the goal is at most 2. */
  public double kfpReadsPerObject() {
    return (double) converging.kfpReads() / convergeObjects;
  }

  /** How many drift periods the steady-state window lasted. */
  public double steadyPeriods() {
    return (double) steady.length().toMillis() / options.driftPeriod().toMillis();
  }

  /** This run's row of the Markdown table. */
  public String row() {
    double ideal = ideal().toMillis() / 1e3;
    double converged = converge.toMillis() / 1e3;
    double floor = kubernetesFloor.toMillis() / 1e3;
    List<String> cells =
        List.of(
            Integer.toString(objects),
            Integer.toString(namespaces),
            Integer.toString(options.parallelism()),
            Long.toString(options.latency().toMillis()),
            "%.1f".formatted(converged),
            "%.1f".formatted(milestones.getOrDefault("all created", converge).toMillis() / 1e3),
            "%.1f".formatted(ideal),
            ideal == 0 ? "-" : "%.1f".formatted(converged / ideal),
            "%.1f".formatted(floor),
            "%.1f".formatted(converged / Math.max(ideal, floor)),
            "%.2f".formatted(kfpReadsPerObject()),
            "%.3f".formatted(kfpWritesPerObject()),
            "%.0f".formatted((steady.kfpReads() + steady.kfpWrites()) / steadyPeriods()),
            Long.toString(steady.kfpWrites()),
            Long.toString(steady.kubernetesWrites()),
            "%.2f".formatted(steady.reconciles() / steadyPeriods() / objects),
            Long.toString(heapBytes >> 20),
            "%.1f".formatted(converging.cpu().toMillis() / 1e3),
            idleProbes.summary(),
            convergingProbes.summary());
    return "| " + String.join(" | ", cells) + " |";
  }

  /** Where the calls went, for {@code --verbose}. */
  public String details() {
    return """
        N=%d: all Ready after %.1f s; %d objects created while converging (N + probes); \
        operator %s; steady state %.1f drift periods of %d s
        after the first create: %s
        %s%s%sone more object while idle, the last probe step by step:
        %s"""
        .formatted(
            objects,
            converge.toMillis() / 1e3,
            convergeObjects,
            quiet ? "went quiet" : "never went quiet (reconciles kept coming)",
            steadyPeriods(),
            options.driftPeriod().toSeconds(),
            milestones.entrySet().stream()
                .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue().toMillis() / 1e3))
                .collect(Collectors.joining(", ")),
            converging.describe("converging (first create until quiet)"),
            steady.describe("steady state"),
            resync.describe("resync (every object annotated, reconciled with nothing to do)"),
            idleProbeSteps);
  }
}
