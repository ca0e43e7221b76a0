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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One operator process in a test that starts and stops operators itself (a restart, a second
 * replica): the {@link OperatorAssembly} operator over its own KFP client, watching the test's
 * namespaces only, optionally taking part in leader election, counting the KFP writes it makes.
 */
public final class OperatorReplica implements AutoCloseable {

  private static final Duration CONNECT_RETRY = Duration.ofMillis(200);

  private final String identity;
  private final AtomicInteger kfpWrites = new AtomicInteger();
  private final AtomicInteger writesWithoutLease = new AtomicInteger();
  private final LeaseFence fence = new LeaseFence();
  private final LeadingTimes leading = new LeadingTimes();
  private final AtomicBoolean led = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private KfpClient kfp;
  private Operator operator;

  private OperatorReplica(String identity) {
    this.identity = identity;
  }

  private OperatorReplica run(
      KubernetesClient kubernetes,
      KfpClient client,
      KfpTenancy tenancy,
      Duration driftPeriod,
      OperatorSettings process) {
    kfp = client;
    operator =
        OperatorAssembly.operator(
            kubernetes, kfp, tenancy, new SyncSettings(driftPeriod, Clock.systemUTC()), process);
    operator.start();
    return this;
  }

  /**
   * A client of {@code endpoint} that counts this replica's KFP writes and, when it is {@code
   * electing}, sends them only while it holds the Lease (as {@code run}'s does) and counts those
   * sent while it did not.
   */
  private KfpClient counting(KfpEndpoint endpoint, boolean electing) {
    return connect(
        endpoint.toBuilder()
            .callObserver(
                (method, path, status, took) -> {
                  if (!method.equals("GET")) {
                    kfpWrites.incrementAndGet();
                    if (electing && !leading.at(Instant.now().minus(took))) {
                      writesWithoutLease.incrementAndGet();
                    }
                  }
                })
            .writesOnlyWhile(electing ? fence : () -> true)
            .build());
  }

  /**
   * How {@code run} elects, on a short Lease, noting when this replica leads; a replica that loses
   * the Lease stops, as {@code run} exits then (JOSDK keeps reconciling when told not to exit, and
   * two replicas then worked at once).
   */
  private OperatorSettings electedIn(String leaseNamespace) {
    return OperatorSettings.defaults()
        .electedBy(
            new LeaderElectionConfiguration(
                OperatorSettings.LEASE,
                leaseNamespace,
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
                        () -> {
                          leading.stopped(Instant.now());
                          new Thread(this::close, identity + "-lost-lease").start();
                        },
                        leader -> {})),
                false));
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

  /**
   * Starts a replica that works on its own, with no leader election, on the objects of {@code
   * namespaces}.
   */
  public static OperatorReplica start(
      KubernetesClient kubernetes,
      KfpEndpoint endpoint,
      Duration driftPeriod,
      Set<String> namespaces) {
    OperatorReplica replica = new OperatorReplica("single");
    return replica.run(
        kubernetes,
        replica.counting(endpoint, false),
        new KfpTenancy(false),
        driftPeriod,
        OperatorSettings.defaults().watching(namespaces).threads(4));
  }

  /**
   * Starts a replica that works on the objects of {@code namespaces} only while it holds the Lease
   * {@link OperatorSettings#LEASE} in {@code leaseNamespace}; the others wait.
   */
  public static OperatorReplica startElecting(
      String identity,
      KubernetesClient kubernetes,
      KfpEndpoint endpoint,
      Duration driftPeriod,
      String leaseNamespace,
      Set<String> namespaces) {
    OperatorReplica replica = new OperatorReplica(identity);
    return replica.run(
        kubernetes,
        replica.counting(endpoint, true),
        new KfpTenancy(false),
        driftPeriod,
        replica.electedIn(leaseNamespace).watching(namespaces).threads(4));
  }

  /**
   * Starts the operator as {@code run} wires it over an already connected {@code kfp} (multi-user
   * or not), re-checking objects every second; {@code process} says how it runs, as {@code run}'s
   * flags would. It counts no KFP writes.
   */
  public static OperatorReplica over(
      KubernetesClient kubernetes, KfpClient kfp, boolean multiUser, OperatorSettings process) {
    return new OperatorReplica("single")
        .run(kubernetes, kfp, new KfpTenancy(multiUser), Duration.ofSeconds(1), process);
  }

  /** The identity it holds the Lease with. */
  public String identity() {
    return identity;
  }

  /** How many KFP calls other than reads it has made. */
  public int kfpWrites() {
    return kfpWrites.get();
  }

  /**
   * How many KFP writes it sent while it did not hold the Lease (when taking part in elections).
   */
  public int writesWithoutLease() {
    return writesWithoutLease.get();
  }

  /** Whether it has ever become the leader. */
  public boolean hasLed() {
    return led.get();
  }

  /** Stops the operator and closes its KFP client, as a process exit would; once. */
  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) {
      operator.stop();
      kfp.close();
    }
  }
}
