package com.jackhoman.kfp.releaser.runtime;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator process runs, as {@code run}'s flags say it: the one set of settings that {@code
 * run}, the sandbox and the tests hand to {@link OperatorAssembly#operator}, so that what is tested
 * is built the way what ships is.
 *
 * @param namespaces the namespaces to watch; empty for all
 * @param selector the label selector our objects must match to be worked on, or empty for all
 * @param reconcileThreads how many objects are reconciled at the same time
 * @param leaderElection the Lease to hold while working, or empty to work alone
 * @param metrics where JOSDK reports reconciles
 */
public record OperatorSettings(
    Set<String> namespaces,
    Optional<String> selector,
    int reconcileThreads,
    Optional<LeaderElectionConfiguration> leaderElection,
    Metrics metrics) {

  /** The name of the Lease replicas take turns on. */
  public static final String LEASE = "kfp-releaser";

  /** {@code run}'s defaults: every namespace and object, ten threads, no Lease, no metrics. */
  public static OperatorSettings defaults() {
    return new OperatorSettings(Set.of(), Optional.empty(), 10, Optional.empty(), Metrics.NOOP);
  }

  /**
   * JOSDK's leader election on the Lease {@link #LEASE} in {@code namespace}, with its timings,
   * exiting when the Lease is lost; {@code fence} closes KFP writes from that moment.
   */
  public static LeaderElectionConfiguration lease(String namespace, LeaseFence fence) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE)
        .withLeaseNamespace(namespace)
        .withLeaderCallbacks(fence.callbacks(new LeaderCallbacks(() -> {}, () -> {}, id -> {})))
        .build();
  }

  /** These settings watching only {@code watched} (all namespaces when empty). */
  public OperatorSettings watching(Set<String> watched) {
    return new OperatorSettings(
        Set.copyOf(watched), selector, reconcileThreads, leaderElection, metrics);
  }

  /** These settings working only on objects whose labels match {@code labels} (all when empty). */
  public OperatorSettings selecting(Optional<String> labels) {
    return new OperatorSettings(namespaces, labels, reconcileThreads, leaderElection, metrics);
  }

  /** These settings with {@code threads} reconcile threads. */
  public OperatorSettings threads(int threads) {
    return new OperatorSettings(namespaces, selector, threads, leaderElection, metrics);
  }

  /** These settings working only while holding the Lease {@code election} names. */
  public OperatorSettings electedBy(LeaderElectionConfiguration election) {
    return new OperatorSettings(
        namespaces, selector, reconcileThreads, Optional.of(election), metrics);
  }

  /** These settings reporting reconciles to {@code reported}. */
  public OperatorSettings reportingTo(Metrics reported) {
    return new OperatorSettings(namespaces, selector, reconcileThreads, leaderElection, reported);
  }
}
