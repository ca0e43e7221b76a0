package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpException;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.runtime.DurationConverter;
import com.jackhoman.kfp.releaser.runtime.KfpCallMetrics;
import com.jackhoman.kfp.releaser.runtime.KfpOptions;
import com.jackhoman.kfp.releaser.runtime.LabelSelectorConverter;
import com.jackhoman.kfp.releaser.runtime.LeaseChoice;
import com.jackhoman.kfp.releaser.runtime.LeaseFence;
import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.runtime.ProbeServer;
import com.jackhoman.kfp.releaser.runtime.ServiceAccountTokens;
import com.jackhoman.kfp.releaser.runtime.StartupProblem;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kfp-releaser run}: the operator, against the current cluster and one KFP. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs the operator: keeps Kubeflow Pipelines in line with the Pipeline, PipelineVersion,"
          + " RecurringRun and Experiment objects of the watched namespaces.",
      "Connects to Kubernetes with the in-cluster configuration or the current kubeconfig"
          + " context. Stops gracefully on SIGTERM or interruption."
    })
final class RunCommand implements Callable<Integer> {

  private static final Duration KFP_RETRY = Duration.ofSeconds(5);

  @Mixin KfpOptions kfp;

  @Option(
      names = "--namespaces",
      split = ",",
      paramLabel = "NS",
      defaultValue = "${env:WATCH_NAMESPACES:-}",
      description =
          "The namespaces to watch, comma-separated; empty for all (env WATCH_NAMESPACES).")
  List<String> namespaces;

  @Option(
      names = "--selector",
      paramLabel = "LABELS",
      converter = LabelSelectorConverter.class,
      defaultValue = "${env:WATCH_SELECTOR:-}",
      description =
          "Work only on objects whose labels match this selector (as kubectl get -l takes it, e.g."
              + " shard=a), so that several deployments with disjoint selectors split one cluster."
              + " Empty for all (env WATCH_SELECTOR).")
  String selector;

  @Option(
      names = "--drift-period",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "${env:DRIFT_PERIOD:-5m}",
      description =
          "How often KFP is polled for every kind, to find drift (env DRIFT_PERIOD;"
              + " default ${DEFAULT-VALUE}).")
  Duration driftPeriod;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Let only one replica work at a time, through the Lease kfp-releaser (default"
              + " ${DEFAULT-VALUE}).")
  boolean leaderElection;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      defaultValue = "${env:LEASE_NAMESPACE:-}",
      description =
          "The namespace of the Lease (env LEASE_NAMESPACE); default: POD_NAMESPACE, else the"
              + " namespace of the kubeconfig's current context, else default.")
  String leaseNamespace;

  @Spec CommandSpec spec;

  @Option(
      names = "--reconcile-threads",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "How many objects are reconciled at the same time, and so how many KFP calls are made at"
              + " the same time at most: the KFP connection pool has as many connections (default"
              + " ${DEFAULT-VALUE}).")
  int reconcileThreads;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Serves Prometheus metrics at /metrics (default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--health-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description = "Serves /healthz and /readyz (default ${DEFAULT-VALUE}).")
  int healthPort;

  @Override
  public Integer call() throws InterruptedException {
    Logger log = LoggerFactory.getLogger(RunCommand.class);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicReference<Operator> running = new AtomicReference<>();
    Thread worker = Thread.currentThread();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread onSigterm = new Thread(() -> stopGracefully(worker, stopped), "kfp-releaser-shutdown");
    Runtime.getRuntime().addShutdownHook(onSigterm);
    LeaseFence fence = new LeaseFence();
    try (KubernetesClient kubernetes = new KubernetesClientBuilder().build();
        ProbeServer probes =
            ProbeServer.start(
                healthPort,
                metricsPort,
                () -> true,
                () ->
                    running.get() != null
                        && running.get().getRuntimeInfo().allEventSourcesAreHealthy(),
                registry::scrape);
        KfpClient client =
            connectToKfp(
                kubernetes,
                new KfpCallMetrics(registry),
                leaderElection ? fence : () -> true,
                log)) {
      KfpTenancy tenancy = new KfpTenancy(client.health().check().multiUser());
      Set<String> watched =
          namespaces.stream().filter(ns -> !ns.isBlank()).collect(Collectors.toSet());
      Optional<LeaseChoice> lease =
          leaderElection
              ? Optional.of(
                  LeaseChoice.of(leaseNamespace, System::getenv, kubernetes.getConfiguration()))
              : Optional.empty();
      OperatorSettings process =
          OperatorSettings.defaults()
              .watching(watched)
              .selecting(Optional.of(selector).filter(labels -> !labels.isEmpty()))
              .threads(reconcileThreads)
              .reportingTo(MicrometerMetrics.withoutPerResourceMetrics(registry));
      if (lease.isPresent()) {
        log.info(lease.get().describe());
        process = process.electedBy(OperatorSettings.lease(lease.get().namespace(), fence));
      }
      Operator operator =
          OperatorAssembly.operator(
              kubernetes,
              client,
              tenancy,
              new SyncSettings(driftPeriod, Clock.systemUTC()),
              process);
      try {
        operator.start();
      } catch (RuntimeException failed) {
        Optional<String> problem =
            StartupProblem.explain(failed, kubernetes.getMasterUrl().toString(), lease);
        if (problem.isEmpty()) {
          throw failed;
        }
        operator.stop();
        spec.commandLine().getErr().println("run: " + problem.get());
        return 2;
      }
      running.set(operator);
      log.info(
          "Started operator kfpApi={} multiUser={} namespaceTokens={} namespaces={} selector={}"
              + " driftPeriod={} healthPort={} metricsPort={}",
          client.api(),
          tenancy.multiUser(),
          kfp.namespaceTokenServiceAccount().map(a -> "serviceaccount/" + a).orElse("none"),
          watched.isEmpty() ? "all" : watched,
          selector.isEmpty() ? "none" : selector,
          driftPeriod,
          probes.healthPort(),
          probes.metricsPort());
      try {
        Thread.currentThread().join();
      } catch (InterruptedException stop) {
        log.info("Stopping operator");
        running.set(null);
        operator.stop();
        log.info("Stopped operator");
      }
      return 0;
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSigterm);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for this very method to return
      }
    }
  }

  /** On SIGTERM: interrupts the working thread and waits for it to stop the operator. */
  private static void stopGracefully(Thread worker, CountDownLatch stopped) {
    worker.interrupt();
    try {
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private KfpClient connectToKfp(
      KubernetesClient kubernetes, KfpCallMetrics metrics, BooleanSupplier mayWrite, Logger log)
      throws InterruptedException {
    KfpConnector connector = new KfpConnector(Sleeper.system());
    KfpEndpoint.Builder builder =
        kfp.endpoint().toBuilder()
            .callObserver(metrics)
            .maxConnections(reconcileThreads)
            .writesOnlyWhile(mayWrite);
    kfp.namespaceTokenServiceAccount()
        .ifPresent(
            account ->
                builder.namespaceTokens(
                    new ServiceAccountTokens(kubernetes, account, Clock.systemUTC())));
    KfpEndpoint endpoint = builder.build();
    while (true) {
      try {
        return connector.connect(endpoint, kfp.apiVersion());
      } catch (KfpException unreachable) {
        log.warn(
            "Could not reach KFP url={}: {}; retrying in {}s",
            endpoint.baseUrl(),
            unreachable.getMessage(),
            KFP_RETRY.toSeconds());
        Thread.sleep(KFP_RETRY.toMillis());
      }
    }
  }
}
