package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.emulator.ReleaseProfileConverter;
import com.jackhoman.kfp.releaser.emulator.ReleaseProfileIds;
import com.jackhoman.kfp.releaser.emulator.ServedApis;
import com.jackhoman.kfp.releaser.runtime.DurationConverter;
import com.jackhoman.kfp.releaser.sandbox.AppliedObject;
import com.jackhoman.kfp.releaser.sandbox.ObjectState;
import com.jackhoman.kfp.releaser.sandbox.Sandbox;
import com.jackhoman.kfp.releaser.validate.ManifestReader;
import com.jackhoman.kfp.releaser.validate.SourceDocument;
import com.jackhoman.kfp.releaser.validate.SourceFile;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kfp-releaser sandbox}: an embedded Kubernetes API, an emulated KFP and the operator in one
 * process, with manifests applied and their result shown.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Starts an embedded Kubernetes API (usable with kubectl), an emulated Kubeflow Pipelines and"
          + " the operator; applies the manifests in PATH, waits until every object is Ready or"
          + " has failed, and prints the kubectl get tables and what exists in KFP. Then keeps"
          + " serving until Ctrl-C, unless --once.",
      "Exit status with --once: 0 when every object became Ready, 1 otherwise."
    })
final class SandboxCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description =
          "Manifest files or folders (recursively); - reads standard input (default: examples/).")
  List<String> paths = List.of("examples");

  @Option(names = "--once", description = "Exit after the first sync: 0 if all Ready, else 1.")
  boolean once;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "60s",
      description = "How long to wait for the objects to settle (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      defaultValue = "${sys:java.io.tmpdir}/kfp-releaser-sandbox/kubeconfig",
      description = "Where to write the kubeconfig for kubectl (default ${DEFAULT-VALUE}).")
  Path kubeconfig;

  @Option(
      names = "--kfp-api",
      paramLabel = "API",
      defaultValue = "both",
      description =
          "The REST generations the emulated KFP serves: v1beta1 (KFP 1.x), v2beta1 or both"
              + " (default ${DEFAULT-VALUE}); the operator picks by probing.")
  String kfpApi;

  @Option(
      names = "--kfp-release",
      paramLabel = "RELEASE",
      converter = ReleaseProfileConverter.class,
      completionCandidates = ReleaseProfileIds.class,
      description =
          "The KFP release the emulated KFP acts as: one of ${COMPLETION-CANDIDATES} (default"
              + " ${DEFAULT-VALUE}).")
  ReleaseProfile kfpRelease = ReleaseProfile.newest();

  @Option(
      names = "--kfp-latency-ms",
      paramLabel = "MS",
      defaultValue = "0",
      description = "Latency the emulated KFP adds to every request.")
  long kfpLatencyMillis;

  @Option(
      names = "--kfp-fault-rate",
      paramLabel = "RATE",
      defaultValue = "0",
      description = "Share (0 to 1) of KFP API requests answered with 503.")
  double kfpFaultRate;

  @Option(
      names = "--drift-period",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "30s",
      description = "How often the operator re-checks every object (default ${DEFAULT-VALUE}).")
  Duration driftPeriod;

  @Option(
      names = "--verbose",
      description = "Show the operator's log (by default only errors are logged).")
  boolean verbose;

  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final Clock clock;

  SandboxCommand(InputStream stdin, Clock clock) {
    this.stdin = stdin;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!verbose) {
      // read by slf4j-simple when the first logger is made, which happens after this line
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    ManifestReader.Result read;
    try {
      read = new ManifestReader(stdin).read(paths);
    } catch (ManifestReader.NoSuchPathException e) {
      spec.commandLine().getErr().println("sandbox: " + e.getMessage());
      return 2;
    }
    read.problems().forEach(problem -> out.println(problem.toLine()));
    List<SourceDocument> documents =
        read.files().stream().map(SourceFile::documents).flatMap(List::stream).toList();
    try (Sandbox sandbox =
        Sandbox.start(
            kubeconfig,
            KfpEmulator.builder()
                .apis(ServedApis.valueOf(kfpApi.toUpperCase(Locale.ROOT)))
                .release(kfpRelease)
                .clock(clock)
                .tickEvery(Duration.ofSeconds(1))
                .latency(Duration.ofMillis(kfpLatencyMillis))
                .serverErrorRate(kfpFaultRate),
            driftPeriod,
            clock)) {
      out.printf(
          "Started the Kubernetes API, the KFP emulator and the operator in %.1f s%n",
          seconds(start));
      out.flush();
      List<AppliedObject> applied = sandbox.apply(documents);
      out.printf("Applied %d objects from %s%n", applied.size(), String.join(", ", paths));
      out.flush();
      long firstReconcile = 0;
      List<ObjectState> states = sandbox.states(applied);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!states.stream().allMatch(ObjectState::settled) && System.nanoTime() < deadline) {
        if (firstReconcile == 0 && states.stream().anyMatch(s -> !"Pending".equals(s.reason()))) {
          firstReconcile = System.nanoTime();
        }
        Thread.sleep(100);
        states = sandbox.states(applied);
      }
      long ready = states.stream().filter(ObjectState::ready).count();
      out.printf(
          "%d of %d objects Ready %.1f s after start (first reconcile after %.1f s)%n%n",
          ready,
          states.size(),
          seconds(start),
          (firstReconcile == 0 ? System.nanoTime() - start : firstReconcile - start) / 1e9);
      out.print(sandbox.kubectlTables());
      out.println("In KFP (" + sandbox.kfpUrl() + "):");
      out.println(sandbox.kfpTable());
      List<ObjectState> notReady = states.stream().filter(s -> !s.ready()).toList();
      if (!notReady.isEmpty()) {
        out.println("Not Ready:");
        notReady.forEach(
            s -> out.println("  " + s.object().label() + ": " + s.reason() + ": " + s.message()));
        out.println();
      }
      if (once) {
        out.flush();
        return notReady.isEmpty() && read.problems().isEmpty() ? 0 : 1;
      }
      out.println("Kubeconfig: " + sandbox.kubeconfig());
      out.println("  kubectl --kubeconfig " + sandbox.kubeconfig() + " get kfp -A");
      out.println("KFP emulator: " + sandbox.kfpUrl());
      out.println("Serving until Ctrl-C.");
      out.flush();
      Thread.currentThread().join();
      return 0;
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
