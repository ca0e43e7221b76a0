package com.jackhoman.kfp.releaser.faults;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Two operator replicas behind leader election, as a Deployment with two pods runs them: the leader
 * can be killed (a new pod replaces it), and every replica that ever ran is remembered so that its
 * KFP writes can be judged.
 */
final class Replicas implements AutoCloseable {

  private final KubernetesClient kubernetes;
  private final KfpEndpoint endpoint;
  private final Duration driftPeriod;
  private final String leaseNamespace;
  private final Set<String> namespaces;
  private final List<OperatorReplica> running = new ArrayList<>();
  private final List<OperatorReplica> all = new ArrayList<>();
  private int restarts;

  /**
   * Replicas through {@code kubernetes} over KFP at {@code endpoint}, holding the Lease in {@code
   * leaseNamespace} (as the operator's own namespace) and working on the objects of {@code
   * namespaces}.
   */
  Replicas(
      KubernetesClient kubernetes,
      KfpEndpoint endpoint,
      Duration driftPeriod,
      String leaseNamespace,
      Set<String> namespaces) {
    this.kubernetes = kubernetes;
    this.endpoint = endpoint;
    this.driftPeriod = driftPeriod;
    this.leaseNamespace = leaseNamespace;
    this.namespaces = namespaces;
  }

  /** Starts two replicas. */
  void start() {
    startOne();
    startOne();
  }

  /** Stops the replica holding the Lease, as a killed pod, and starts a new one in its place. */
  void killLeader() {
    Optional<OperatorReplica> leader = leader();
    if (leader.isEmpty()) {
      return;
    }
    leader.get().close();
    running.remove(leader.get());
    restarts++;
    startOne();
  }

  /** How many replicas were killed and replaced. */
  int restarts() {
    return restarts;
  }

  /** KFP writes made by replicas that never held the Lease: must be none. */
  int writesWithoutLease() {
    return all.stream().mapToInt(OperatorReplica::writesWithoutLease).sum();
  }

  private Optional<OperatorReplica> leader() {
    Lease lease =
        kubernetes.leases().inNamespace(leaseNamespace).withName(OperatorSettings.LEASE).get();
    if (lease == null || lease.getSpec() == null) {
      return Optional.empty();
    }
    String holder = lease.getSpec().getHolderIdentity();
    return running.stream().filter(r -> r.identity().equals(holder)).findFirst();
  }

  private void startOne() {
    OperatorReplica replica =
        OperatorReplica.startElecting(
            "replica-" + all.size(), kubernetes, endpoint, driftPeriod, leaseNamespace, namespaces);
    running.add(replica);
    all.add(replica);
  }

  @Override
  public void close() {
    running.forEach(OperatorReplica::close);
    running.clear();
  }
}
