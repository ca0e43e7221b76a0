package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpException;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.runtime.LeaseFence;
import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One operator process in a test that starts and stops operators itself (a restart, a second
 * replica): the {@link OperatorAssembly} operator over its own KFP client, optionally taking part
 * in leader election, counting the KFP writes it makes.
 */
public final class OperatorReplica implements AutoCloseable {

  private static final Duration CONNECT_RETRY = Duration.ofMillis(200);

  private final String identity;
  private final KfpClient kfp;
  private final Operator operator;
  private final AtomicInteger kfpWrites = new AtomicInteger();
  private final AtomicInteger writesWithoutLease = new AtomicInteger();
  private final AtomicBoolean led = new AtomicBoolean();
  private final LeaseFence fence = new LeaseFence();
  private final LeadingTimes leading = new LeadingTimes();

  private OperatorReplica(
      String identity,
      KubernetesClient kubernetes,
      KfpEndpoint endpoint,
      Duration driftPeriod,
      Optional<String> leaseNamespace) {
    this.identity = identity;
    this.kfp =
        connect(
            endpoint.toBuilder()
                .callObserver(
                    (method, path, status, took) -> {
                      if (!method.equals("GET")) {
                        kfpWrites.incrementAndGet();
                        if (leaseNamespace.isPresent() && !leading.at(Instant.now().minus(took))) {
                          writesWithoutLease.incrementAndGet();
                        }
                      }
                    })
                .writesOnlyWhile(leaseNamespace.isPresent() ? fence : () -> true)
                .build());
    this.operator =
        OperatorAssembly.operator(
            kubernetes,
            kfp,
            new KfpTenancy(false),
            new SyncSettings(driftPeriod, 0.1, Clock.systemUTC(), new SplittableRandom(3)),
            leaseNamespace
                .map(
                    namespace ->
                        OperatorSettings.defaults()
                            .electedBy(
                                new LeaderElectionConfiguration(
                                    OperatorSettings.LEASE,
                                    namespace,
                                    Duration.ofSeconds(3),
                                    Duration.ofSeconds(2),
                                    Duration.ofMillis(500),
                                    identity,
                                    fence.callbacks(
                                        new LeaderCallbacks(
                                            () -> {
                                              led.set(true);
                                              leading.started(Instant.now());
                                            },
                                            () -> leading.stopped(Instant.now()),
                                            leader -> {})),
                                    false)))
                .orElse(OperatorSettings.defaults())
                .threads(4));
  }

  /** Connects as the {@code run} command does: trying again until KFP answers its probe. */
  private static KfpClient connect(KfpEndpoint endpoint) {
    KfpConnector connector = new KfpConnector(Sleeper.system());
    while (true) {
      try {
        return connector.connect(endpoint, Optional.empty());
      } catch (KfpException unreachable) {
        try {
          Thread.sleep(CONNECT_RETRY.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw unreachable;
        }
      }
    }
  }

  /**
   * Prepares an API server for replicas, as an install would: our CRDs, and the namespaces the test
   * needs.
   */
  public static void install(KubernetesClient kubernetes, String... namespaces) {
    for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
      kubernetes.resource(Serialization.asJson(kind.crd())).create();
    }
    for (String namespace : namespaces) {
      kubernetes
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  /** Starts a replica that works on its own, with no leader election. */
  public static OperatorReplica start(
      KubernetesClient kubernetes, KfpEndpoint endpoint, Duration driftPeriod) {
    OperatorReplica replica =
        new OperatorReplica("single", kubernetes, endpoint, driftPeriod, Optional.empty());
    replica.operator.start();
    return replica;
  }

  /**
   * Starts a replica that works only while it holds the Lease {@link OperatorSettings#LEASE} in
   * {@code leaseNamespace}; the others wait.
   */
  public static OperatorReplica startElecting(
      String identity,
      KubernetesClient kubernetes,
      KfpEndpoint endpoint,
      Duration driftPeriod,
      String leaseNamespace) {
    OperatorReplica replica =
        new OperatorReplica(
            identity, kubernetes, endpoint, driftPeriod, Optional.of(leaseNamespace));
    replica.operator.start();
    return replica;
  }

  /** The identity it holds the Lease with. */
  public String identity() {
    return identity;
  }

  /** How many KFP calls other than reads it has made. */
  public int kfpWrites() {
    return kfpWrites.get();
  }

  /** How many KFP writes it sent while it did not hold the Lease (taking part in the election). */
  public int writesWithoutLease() {
    return writesWithoutLease.get();
  }

  /** Whether it has ever become the leader. */
  public boolean hasLed() {
    return led.get();
  }

  /** Stops the operator and closes its KFP client, as a process exit would. */
  @Override
  public void close() {
    operator.stop();
    kfp.close();
  }
}
