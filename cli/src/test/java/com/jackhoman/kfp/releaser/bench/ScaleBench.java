package com.jackhoman.kfp.releaser.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scale benchmark (issue 9): applies N objects at once against the embedded Kubernetes API and
 * the KFP emulator with a fixed latency per call, and prints one Markdown table row per N: converge
 * time against the ideal, KFP calls per object, the cost of steady state, heap, CPU and the latency
 * of one more object. Run it with {@code bench/scale.sh}; {@code docs/performance.md} explains the
 * columns.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = "Applies N objects at once and prints what converging and steady state cost.")
public final class ScaleBench implements Callable<Integer> {

  @Parameters(description = "Object counts, multiples of 20 (default: 100 1000).")
  List<Integer> objects = List.of(100, 1000);

  @Option(names = "--latency-ms", description = "Latency added to every KFP call (L).")
  long latencyMillis = 20;

  @Option(names = "--parallelism", description = "KFP connections of the operator (P).")
  int parallelism = 10;

  @Option(names = "--steady-minutes", description = "How long steady state is watched.")
  double steadyMinutes = 10;

  @Option(names = "--drift-period-s", description = "The operator's drift period.")
  long driftPeriodSeconds = 10;

  @Option(names = "--probes", description = "One-more-object probes per phase.")
  int probes = 20;

  @Option(names = "--converge-timeout-min", description = "When to give up waiting for Ready.")
  long convergeTimeoutMinutes = 30;

  @Option(
      names = "--warmup-objects",
      description = "Objects of an unreported first run that warms the JVM up (0: none).")
  int warmupObjects = 100;

  @Option(
      names = "--kubeconfig",
      description =
          "Run against this cluster (namespaces of the run's own, deleted at the end)"
              + " instead of a fresh embedded API.")
  Path kubeconfig;

  @Option(names = "--no-header", description = "Print rows only (to append to a table).")
  boolean noHeader;

  @Option(names = "--verbose", description = "Also print where the KFP calls and writes went.")
  boolean verbose;

  /** Runs the benchmark for each N and prints the table. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ScaleBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ScaleOptions options =
        new ScaleOptions(
            Duration.ofMillis(latencyMillis),
            parallelism,
            Duration.ofSeconds(driftPeriodSeconds),
            Duration.ofMillis(Math.round(steadyMinutes * 60_000)),
            probes,
            Duration.ofMinutes(convergeTimeoutMinutes),
            Optional.ofNullable(kubeconfig));
    if (warmupObjects > 0) {
      ScaleOptions warmup =
          new ScaleOptions(
              options.latency(),
              parallelism,
              options.driftPeriod(),
              Duration.ZERO,
              1,
              options.convergeTimeout(),
              options.kubeconfig());
      new ScaleRun(warmup, Clock.systemUTC()).measure(warmupObjects);
    }
    if (!noHeader) {
      System.out.println(ScaleResult.header());
    }
    for (int n : objects) {
      ScaleResult result = new ScaleRun(options, Clock.systemUTC()).measure(n);
      System.out.println(result.row());
      if (verbose) {
        System.out.println(result.details());
      }
    }
    return 0;
  }
}
