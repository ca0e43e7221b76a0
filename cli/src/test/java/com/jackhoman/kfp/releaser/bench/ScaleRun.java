package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One run of the scale benchmark at N objects: measures the {@link KubernetesFloor}, starts the
 * system, applies the workload at once from eight threads (as Argo CD's parallel sync does) while
 * probing one more object at a time, waits until all N are Ready and the operator is quiet, weighs
 * the heap, watches steady state, probes one more object at a time while idle, and returns what it
 * measured.
 */
public final class ScaleRun {

  /** As Argo CD's parallel sync applies. */
  static final int APPLY_THREADS = 8;

  private static final Duration READY_POLL = Duration.ofMillis(100);
  private static final Duration CENSUS_PERIOD = Duration.ofMillis(10);
  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final String TOUCHED = "bench.kfp.jackhoman.com/touched";

  private final ScaleOptions options;
  private final Clock clock;
  private final com.sun.management.OperatingSystemMXBean cpu =
      ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

  /** A run with these settings, timed by {@code clock}. */
  public ScaleRun(ScaleOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /** Runs the benchmark at {@code objects} objects (a multiple of 20). */
  public ScaleResult measure(int objects) throws Exception {
    Duration floor = KubernetesFloor.measure(options, objects, clock);
    try (ScaleCluster cluster = ScaleCluster.start(options.kubeconfig(), clock)) {
      ScaleWorkload workload = cluster.workload(objects);
      try (ScaleSystem system = ScaleSystem.start(cluster, workload, options, clock)) {
        KubernetesClient client = system.benchClient();
        try {
          return measure(system, client, cluster, workload, floor);
        } finally {
          cluster.removeNamespaces(client, workload);
        }
      }
    }
  }

  private ScaleResult measure(
      ScaleSystem system,
      KubernetesClient client,
      ScaleCluster cluster,
      ScaleWorkload workload,
      Duration floor)
      throws Exception {
    int objects = workload.size();
    OneMoreProbe probe =
        new OneMoreProbe(client, workload.probeNamespace(), clock, options.convergeTimeout());
    Instant start = clock.instant();
    long cpuAtStart = cpu.getProcessCpuTime();
    cluster.createNamespaces(client, workload);
    ReadyWatch watch = ReadyWatch.start(client, workload.probeNamespace());
    ExecutorService appliers = Executors.newFixedThreadPool(APPLY_THREADS);
    ExecutorService prober = Executors.newSingleThreadExecutor();
    AtomicBoolean converging = new AtomicBoolean(true);
    try {
      List<Future<?>> creates = new ArrayList<>();
      for (GenericKubernetesResource object : workload.objects()) {
        creates.add(appliers.submit(() -> create(client, object)));
      }
      CompletableFuture<LatencySamples> convergingProbes =
          CompletableFuture.supplyAsync(() -> probeWhile(probe, converging::get), prober);
      Map<String, Duration> milestones = new LinkedHashMap<>();
      Instant ready = awaitReady(watch, workload, creates, start, milestones);
      watch.close();
      converging.set(false);
      LatencySamples busy = convergingProbes.get();
      Instant quiet = awaitQuiet(system, ready);
      PhaseActivity convergePhase =
          activity(system, start, quiet, cpu.getProcessCpuTime() - cpuAtStart);
      long heap = heapAfterGc();
      Instant steadyStart = clock.instant();
      long cpuAtSteady = cpu.getProcessCpuTime();
      Thread.sleep(options.steadyState().toMillis());
      PhaseActivity steady =
          activity(system, steadyStart, clock.instant(), cpu.getProcessCpuTime() - cpuAtSteady);
      Instant touched = clock.instant();
      long cpuAtTouch = cpu.getProcessCpuTime();
      touchAll(client, workload, appliers);
      Instant resynced = awaitResync(system, touched, objects);
      PhaseActivity resync =
          activity(system, touched, resynced, cpu.getProcessCpuTime() - cpuAtTouch);
      LatencySamples idle = probe.run("idle", options.probes(), () -> true);
      String idleProbeSteps =
          idle.last().map(last -> ProbeTimeline.of(system, last)).orElse("  (no probe ran)\n");
      return new ScaleResult(
          objects,
          workload.namespaces().size(),
          options,
          Duration.between(start, ready),
          floor,
          objects + busy.samples().size(),
          quiet.isBefore(ready.plus(quietLimit())),
          convergePhase,
          steady,
          resync,
          heap,
          idle,
          busy,
          milestones,
          idleProbeSteps);
    } finally {
      watch.close();
      converging.set(false);
      appliers.shutdownNow();
      prober.shutdownNow();
    }
  }

  /**
   * Creates one object. A conflict means the client retried a create whose first answer came too
   * late (the API server is slow under load): the object exists, as {@code kubectl apply} would
   * leave it.
   */
  private static void create(KubernetesClient client, GenericKubernetesResource object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private LatencySamples probeWhile(OneMoreProbe probe, BooleanSupplier converging) {
    try {
      return probe.run("converging", options.probes(), converging);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while probing one more object", e);
    }
  }

  /**
   * Waits until all the workload's objects are Ready, noting when each kind first was all Ready (in
   * the order the workload depends: versions wait for pipelines, recurring runs for versions).
   */
  private Instant awaitReady(
      ReadyWatch watch,
      ScaleWorkload workload,
      List<Future<?>> creates,
      Instant start,
      Map<String, Duration> milestones)
      throws InterruptedException, ExecutionException {
    while (true) {
      for (Future<?> create : creates) {
        if (create.isDone()) {
          create.get();
        }
      }
      if (creates.stream().allMatch(Future::isDone)) {
        milestones.putIfAbsent("all created", Duration.between(start, clock.instant()));
      }
      ReadyCensus census = watch.census();
      Instant now = clock.instant();
      for (String kind : ScaleWorkload.KINDS) {
        if (census.allReady(kind) && census.ready() > 0) {
          milestones.putIfAbsent("all " + kind + " Ready", Duration.between(start, now));
        }
      }
      if (census.ready() == workload.size()) {
        return now;
      }
      if (Duration.between(start, now).compareTo(options.convergeTimeout()) > 0) {
        throw new IllegalStateException(
            "Only %d of %d objects were Ready %d s after they were applied; not Ready by kind and reason: %s"
                .formatted(
                    census.ready(),
                    workload.size(),
                    options.convergeTimeout().toSeconds(),
                    census.notReady()));
      }
      Thread.sleep(CENSUS_PERIOD.toMillis());
    }
  }

  /**
   * Annotates every object (no spec change, so no new generation): the operator reconciles each
   * once more, as after its restart or an informer relist, with nothing to do.
   */
  private static void touchAll(
      KubernetesClient client, ScaleWorkload workload, ExecutorService appliers)
      throws InterruptedException, ExecutionException {
    List<Future<?>> touches = new ArrayList<>();
    for (GenericKubernetesResource object : workload.objects()) {
      touches.add(
          appliers.submit(
              () ->
                  client
                      .resource(object)
                      .edit(
                          stored -> {
                            stored.getMetadata().getAnnotations().put(TOUCHED, "true");
                            return stored;
                          })));
    }
    for (Future<?> touch : touches) {
      touch.get();
    }
  }

  /** Waits until {@code objects} reconciles have started since {@code since}, then for quiet. */
  private Instant awaitResync(ScaleSystem system, Instant since, int objects)
      throws InterruptedException {
    ReconcileLog reconciles = system.reconciles();
    Instant limit = since.plus(options.convergeTimeout());
    while (reconciles.between(since, limit).size() < objects && clock.instant().isBefore(limit)) {
      Thread.sleep(READY_POLL.toMillis());
    }
    return awaitQuiet(system, since);
  }

  /**
   * Waits until no reconcile has started and the operator has written nothing (its events are
   * posted in the background) for a second, so that steady state begins after the last write of
   * converging; gives up after {@link #quietLimit()}.
   */
  private Instant awaitQuiet(ScaleSystem system, Instant ready) throws InterruptedException {
    while (true) {
      Instant now = clock.instant();
      Instant lastReconcile = system.reconciles().lastStartAfter(ready);
      Instant lastWrite = system.kubernetesWrites().lastAfter(ready);
      Instant last = lastWrite.isAfter(lastReconcile) ? lastWrite : lastReconcile;
      if (Duration.between(last, now).compareTo(QUIET) >= 0
          || Duration.between(ready, now).compareTo(quietLimit()) >= 0) {
        return now;
      }
      Thread.sleep(READY_POLL.toMillis());
    }
  }

  private Duration quietLimit() {
    return options.driftPeriod().multipliedBy(2).plus(Duration.ofSeconds(5));
  }

  private static PhaseActivity activity(
      ScaleSystem system, Instant from, Instant to, long cpuNanos) {
    List<LoggedRequest> kfp =
        system.kfp().log().entries().stream()
            .filter(r -> !r.time().isBefore(from) && r.time().isBefore(to))
            .toList();
    long kfpWrites = kfp.stream().filter(LoggedRequest::isWrite).count();
    List<KubernetesWriteLog.Write> writes = system.kubernetesWrites().between(from, to);
    List<ReconcileLog.Reconcile> reconciles = system.reconciles().between(from, to);
    return new PhaseActivity(
        Duration.between(from, to),
        kfp.size() - kfpWrites,
        kfpWrites,
        writes.size(),
        reconciles.size(),
        Duration.ofNanos(cpuNanos),
        CallBreakdown.ofKfp(kfp),
        CallBreakdown.ofKubernetes(writes),
        CallBreakdown.ofReconciles(reconciles),
        CallBreakdown.ofReconciles(system.reconciles().failedBetween(from, to)));
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
