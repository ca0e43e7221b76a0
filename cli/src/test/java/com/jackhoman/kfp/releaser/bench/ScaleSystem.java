package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The system a scale run measures, in this process and on a {@link ScaleCluster}: the KFP emulator
 * with its added latency, and the operator with P KFP connections and P reconcile threads, whose
 * Kubernetes writes and reconciles are recorded; plus a separate client for the benchmark's own
 * applying and watching, whose requests are not counted.
 */
public final class ScaleSystem implements AutoCloseable {

  private final KfpEmulator kfp;
  private final KfpClient kfpClient;
  private final KubernetesClient operatorClient;
  private final KubernetesClient benchClient;
  private final Operator operator;
  private final KubernetesWriteLog kubernetesWrites;
  private final ReconcileLog reconciles;

  private ScaleSystem(
      KfpEmulator kfp,
      KfpClient kfpClient,
      KubernetesClient operatorClient,
      KubernetesClient benchClient,
      Operator operator,
      KubernetesWriteLog kubernetesWrites,
      ReconcileLog reconciles) {
    this.kfp = kfp;
    this.kfpClient = kfpClient;
    this.operatorClient = operatorClient;
    this.benchClient = benchClient;
    this.operator = operator;
    this.kubernetesWrites = kubernetesWrites;
    this.reconciles = reconciles;
  }

  /**
   * Starts the emulator and the operator on {@code cluster}, all on {@code clock}; on a shared
   * cluster the operator watches only the namespaces of {@code workload}.
   */
  public static ScaleSystem start(
      ScaleCluster cluster, ScaleWorkload workload, ScaleOptions options, Clock clock) {
    KubernetesClient benchClient = cluster.newClient();
    int parallelism = options.parallelism();
    KfpEmulator kfp =
        KfpEmulator.builder()
            .clock(clock)
            .latency(options.latency())
            .threads(Math.max(8, 2 * parallelism))
            .start();
    KfpClient kfpClient =
        new KfpConnector(Sleeper.system())
            .connect(
                KfpEndpoint.builder(kfp.url()).maxConnections(parallelism).build(),
                Optional.empty());
    KubernetesWriteLog kubernetesWrites = new KubernetesWriteLog(clock);
    KubernetesClient operatorClient =
        new KubernetesClientBuilder()
            .withConfig(cluster.clientConfig())
            .withHttpClientBuilderConsumer(
                http -> http.addOrReplaceInterceptor("scale-write-log", kubernetesWrites))
            .build();
    ReconcileLog reconciles = new ReconcileLog(clock);
    Operator operator =
        OperatorAssembly.operator(
            operatorClient,
            kfpClient,
            new KfpTenancy(false),
            new SyncSettings(options.driftPeriod(), clock),
            OperatorSettings.defaults()
                .watching(cluster.isShared() ? workload.allNamespaces() : Set.of())
                .threads(parallelism)
                .reportingTo(reconciles));
    operator.start();
    return new ScaleSystem(
        kfp, kfpClient, operatorClient, benchClient, operator, kubernetesWrites, reconciles);
  }

  /** The emulated KFP, whose request log counts the KFP calls. */
  public KfpEmulator kfp() {
    return kfp;
  }

  /** The benchmark's own client of the API: its requests are not the operator's. */
  public KubernetesClient benchClient() {
    return benchClient;
  }

  /** The operator's Kubernetes writes. */
  public KubernetesWriteLog kubernetesWrites() {
    return kubernetesWrites;
  }

  /** The operator's reconciles. */
  public ReconcileLog reconciles() {
    return reconciles;
  }

  @Override
  public void close() {
    operator.stop();
    kfpClient.close();
    kfp.close();
    operatorClient.close();
    benchClient.close();
  }
}
