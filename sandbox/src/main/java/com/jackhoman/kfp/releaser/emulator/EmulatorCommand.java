package com.jackhoman.kfp.releaser.emulator;

import com.jackhoman.kfp.releaser.VersionProvider;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code kfp-emulator} sub-command: serves an emulated KFP standalone until stopped. */
@Command(
    name = "kfp-emulator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Serves an in-memory Kubeflow Pipelines API on 127.0.0.1 until stopped.")
public final class EmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "Port to listen on (0 picks a free one).",
      defaultValue = "8888")
  int port;

  @Option(
      names = "--api",
      description = "REST generations to serve: v1beta1, v2beta1 or both.",
      defaultValue = "both")
  String api;

  @Option(
      names = "--release",
      paramLabel = "RELEASE",
      converter = ReleaseProfileConverter.class,
      description =
          "The KFP release to act as: one of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).",
      completionCandidates = ReleaseProfileIds.class)
  ReleaseProfile release = ReleaseProfile.newest();

  @Option(
      names = "--latency-ms",
      description = "Latency added to every request.",
      defaultValue = "0")
  long latencyMillis;

  @Option(
      names = "--fault-rate",
      description = "Share of API requests answered with 503 (0 to 1).",
      defaultValue = "0")
  double faultRate;

  @Option(names = "--seed", description = "Seed of ids and fault randomness.", defaultValue = "1")
  long seed;

  @Option(
      names = "--multi-user",
      description = "Require an identity and namespaces as multi-user KFP does.")
  boolean multiUser;

  @Override
  public Integer call() throws InterruptedException {
    KfpEmulator emulator =
        KfpEmulator.builder()
            .port(port)
            .apis(ServedApis.valueOf(api.toUpperCase(Locale.ROOT)))
            .release(release)
            .multiUser(multiUser)
            .seed(seed)
            .clock(Clock.systemUTC())
            .tickEvery(Duration.ofSeconds(1))
            .latency(Duration.ofMillis(latencyMillis))
            .serverErrorRate(faultRate)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    PrintWriter out = spec.commandLine().getOut();
    out.println(emulator.url());
    out.flush();
    stopped.await();
    return 0;
  }
}
