package com.jackhoman.kfp.releaser.faults;

import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The fault campaign: the operator (two replicas behind leader election) between a Kubernetes API
 * ({@link TestCluster}: the embedded one, or a real cluster behind an {@link ApiServerProxy}) and
 * the KFP emulator, a seeded random {@link Workload} driven through both while {@link
 * FaultSchedule} injects faults on each side, then, once the faults stop, the time until {@link
 * Invariants} hold, and the invariants themselves.
 */
public final class FaultCampaign {

  /** How long a KFP call may take before the client gives up; latency spikes go beyond it. */
  static final Duration KFP_TIMEOUT = Duration.ofSeconds(2);

  private static final Duration DRIFT_PERIOD = Duration.ofSeconds(5);

  private FaultCampaign() {}

  /**
   * Runs a campaign.
   *
   * @param settings the seed, the size of the workload and how long to inject faults
   * @return what was done and which invariants broke
   */
  public static Summary run(Settings settings) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("fault-campaign");
    Path token = work.resolve("token");
    Files.writeString(token, "token-0");
    SplittableRandom random = new SplittableRandom(settings.seed());
    try (TestCluster cluster = TestCluster.start();
        KubernetesClient users = cluster.newClient();
        OperatorSide operatorSide = OperatorSide.of(cluster);
        KfpEmulator kfp =
            KfpEmulator.builder()
                .clock(Clock.systemUTC())
                .seed(settings.seed())
                .threads(32)
                .start()) {
      String leaseNamespace = cluster.namespace("kfp-system");
      List<String> teams =
          IntStream.range(0, settings.namespaces())
              .mapToObj(n -> cluster.namespace("team-" + n))
              .toList();
      KfpEndpoint endpoint =
          KfpEndpoint.builder(kfp.url())
              .tokenFile(token)
              .timeouts(Duration.ofSeconds(1), KFP_TIMEOUT)
              .build();
      Workload workload = new Workload(users, random.split(), teams, settings.runsPerNamespace());
      try (Replicas replicas =
          new Replicas(
              operatorSide.client(), endpoint, DRIFT_PERIOD, leaseNamespace, Set.copyOf(teams))) {
        replicas.start();
        FaultSchedule faults =
            new FaultSchedule(kfp, operatorSide.faults(), replicas, token, random.split());
        faults.start(settings.kfpFaultRate(), settings.statusConflictRate());
        long start = System.nanoTime();
        workload.createAll();
        long end = start + settings.faultyFor().toNanos();
        long pause = (long) (1_000_000_000L / settings.opsPerSecond());
        // Paced by the wall clock, and over at its end even when the API is too slow for the pace.
        for (long next = System.nanoTime() + pause; System.nanoTime() < end; next += pause) {
          workload.step();
          faults.tick();
          Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        faults.stop();
        long faultsStopped = System.nanoTime();
        Invariants invariants = new Invariants(users, kfp, teams);
        workload.deleteResurrected();
        Invariants.Findings findings = invariants.check(workload.orphanedUids());
        long deadline = faultsStopped + settings.convergeWithin().toNanos();
        while (!findings.converged() && System.nanoTime() < deadline) {
          Thread.sleep(1000);
          workload.deleteResurrected();
          findings = invariants.check(workload.orphanedUids());
        }
        double convergeSeconds = (System.nanoTime() - faultsStopped) / 1e9;
        Summary summary =
            new Summary(
                workload.objects(),
                workload.ops(),
                faults.injected(),
                faults.injectedByKubernetes(),
                workload.resurrected(),
                findings,
                replicas.writesWithoutLease(),
                replicas.restarts(),
                findings.converged() ? convergeSeconds : Double.NaN);
        List<String> all = new ArrayList<>(teams);
        all.add(leaseNamespace);
        cluster.deleteNamespaces(all.toArray(String[]::new));
        return summary;
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * How the operator replicas reach the API and the faults met on the way: the embedded API's own
   * faults, or a proxy's in front of a real cluster.
   *
   * @param client the replicas' client
   * @param faults the Kubernetes faults the schedule injects
   * @param proxy the proxy, on a real cluster
   */
  private record OperatorSide(
      KubernetesClient client, KubernetesFaults faults, Optional<ApiServerProxy> proxy)
      implements AutoCloseable {

    static OperatorSide of(TestCluster cluster) throws IOException {
      if (cluster.embedded().isPresent()) {
        return new OperatorSide(
            cluster.newClient(),
            KubernetesFaults.of(cluster.embedded().get().faults()),
            Optional.empty());
      }
      ApiServerProxy proxy = ApiServerProxy.start(cluster.clientConfig());
      return new OperatorSide(
          new KubernetesClientBuilder().withConfig(proxy.clientConfig()).build(),
          proxy,
          Optional.of(proxy));
    }

    @Override
    public void close() {
      client.close();
      proxy.ifPresent(ApiServerProxy::close);
    }
  }

  /**
   * What a campaign is asked to do.
   *
   * @param seed where the workload and the fault draws start
   * @param namespaces how many namespaces the objects spread over
   * @param runsPerNamespace how many RecurringRun names each namespace uses
   * @param faultyFor how long the workload and the faults go on
   * @param opsPerSecond how many changes the workload makes per second
   * @param kfpFaultRate the share of KFP calls that meet each kind of KFP fault
   * @param statusConflictRate the share of status writes answered with 409
   * @param convergeWithin how long the invariants may take to hold once the faults stop
   */
  public record Settings(
      long seed,
      int namespaces,
      int runsPerNamespace,
      Duration faultyFor,
      double opsPerSecond,
      double kfpFaultRate,
      double statusConflictRate,
      Duration convergeWithin) {}

  /**
   * What a campaign did and found.
   *
   * @param objects how many objects the workload keeps
   * @param ops how many changes the API accepted
   * @param faults how many faults were injected
   * @param kubernetesFaults how many of them were status-write conflicts and dropped watches
   * @param resurrected objects that came back without a spec after being deleted (see {@link
   *     Workload#resurrected()}); the workload deletes them again
   * @param findings the invariants after convergence (or at the deadline)
   * @param writesWithoutLease KFP writes a replica sent while it did not hold the Lease, by its own
   *     record of when it led
   * @param restarts how many leaders were killed
   * @param convergeSeconds seconds from the faults' end until the invariants held; NaN if never
   */
  public record Summary(
      int objects,
      int ops,
      long faults,
      long kubernetesFaults,
      int resurrected,
      Invariants.Findings findings,
      int writesWithoutLease,
      int restarts,
      double convergeSeconds) {

    /** The one line a person reads. */
    public String line() {
      return String.format(
          java.util.Locale.ROOT,
          "objects=%d ops=%d faults=%d restarts=%d duplicates=%d orphans=%d stuck=%d"
              + " double_enabled=%d not_ready=%d missing_ids=%d writes_without_lease=%d resurrected=%d"
              + " converge_s=%s",
          objects,
          ops,
          faults,
          restarts,
          findings.duplicates(),
          findings.orphans(),
          findings.stuck(),
          findings.doubleEnabled(),
          findings.notReady(),
          findings.missingIds(),
          writesWithoutLease,
          resurrected,
          Double.isNaN(convergeSeconds)
              ? "never"
              : String.format(java.util.Locale.ROOT, "%.1f", convergeSeconds));
    }

    /** Whether every invariant held. */
    public boolean clean() {
      return findings.converged()
          && findings.doubleEnabled() == 0
          && writesWithoutLease == 0
          && resurrected == 0;
    }
  }
}
