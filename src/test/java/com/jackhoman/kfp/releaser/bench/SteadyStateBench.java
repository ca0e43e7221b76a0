package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import com.jackhoman.kfp.releaser.sandbox.AppliedObject;
import com.jackhoman.kfp.releaser.sandbox.ObjectState;
import com.jackhoman.kfp.releaser.sandbox.Sandbox;
import com.jackhoman.kfp.releaser.validate.ManifestReader;
import com.jackhoman.kfp.releaser.validate.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's steady-state cost: after N objects (N/4 each of Pipeline, PipelineVersion,
 * Experiment, RecurringRun) are Ready, how many KFP reads and writes one drift period costs.
 *
 * <p>Run with {@code bench/steady-state.sh [objects] [drift-period-seconds]}.
 */
public final class SteadyStateBench {

  private SteadyStateBench() {}

  /** Prints reads and writes per drift period. */
  public static void main(String[] args) throws Exception {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Duration period = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    Path dir = Files.createTempDirectory("kfp-steady-state");
    StringBuilder manifests = new StringBuilder();
    for (int i = 0; i < objects / 4; i++) {
      manifests.append(
          """
          apiVersion: kfp.jackhoman.com/v1alpha1
          kind: Pipeline
          metadata: {name: train-%1$d}
          ---
          apiVersion: kfp.jackhoman.com/v1alpha1
          kind: PipelineVersion
          metadata: {name: train-%1$d-v1}
          spec:
            pipeline: train-%1$d
            workflow:
              pipelineInfo: {name: train}
              root:
                inputDefinitions:
                  parameters:
                    epochs: {parameterType: NUMBER_INTEGER}
                dag: {tasks: {}}
              schemaVersion: 2.1.0
          ---
          apiVersion: kfp.jackhoman.com/v1alpha1
          kind: Experiment
          metadata: {name: exp-%1$d}
          ---
          apiVersion: kfp.jackhoman.com/v1alpha1
          kind: RecurringRun
          metadata: {name: nightly-%1$d}
          spec:
            versionRef: train-%1$d-v1
            experimentRef: exp-%1$d
            schedule: {cron: "%2$d 2 * * *"}
            parameters:
            - {name: epochs, value: %1$d}
          ---
          """
              .formatted(i, i % 60));
    }
    List<SourceDocument> documents =
        ManifestReader.parse("generated", manifests.toString(), new ArrayList<>()).documents();
    try (Sandbox sandbox =
        Sandbox.start(
            dir.resolve("kubeconfig"),
            KfpEmulator.builder().clock(Clock.systemUTC()),
            period,
            Clock.systemUTC())) {
      long start = System.nanoTime();
      List<AppliedObject> applied = sandbox.apply(documents);
      while (!sandbox.states(applied).stream().allMatch(ObjectState::ready)) {
        Thread.sleep(200);
        if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
          throw new IllegalStateException("Objects did not become Ready within 5 minutes");
        }
      }
      double converge = (System.nanoTime() - start) / 1e9;
      Thread.sleep(period.toMillis());
      sandbox.kfp().log().clear();
      Thread.sleep(period.multipliedBy(3).toMillis());
      List<LoggedRequest> log = sandbox.kfp().log().entries();
      long writes = log.stream().filter(LoggedRequest::isWrite).count();
      long reads = log.size() - writes;
      System.out.printf(
          "steady state, %d objects, drift period %ds (jitter 10%%): converged in %.1f s;"
              + " per drift period: %.1f KFP reads, %.1f KFP writes (measured over 3 periods)%n",
          applied.size(), period.toSeconds(), converge, reads / 3.0, writes / 3.0);
    }
  }
}
