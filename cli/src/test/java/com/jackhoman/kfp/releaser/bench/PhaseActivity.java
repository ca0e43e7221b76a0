package com.jackhoman.kfp.releaser.bench;

import java.time.Duration;

/**
 * What the system did during one phase of a scale run.
 *
 * @param length how long the phase lasted
 * @param kfpReads KFP calls that could not change state (GET, HEAD)
 * @param kfpWrites KFP calls that could
 * @param kubernetesWrites the operator's Kubernetes writes
 * @param reconciles reconciles JOSDK started
 * @param cpu CPU time of the whole process (API server, emulator, operator and benchmark)
 * @param kfp the KFP calls by method and path
 * @param kubernetes the operator's Kubernetes writes by method and path
 * @param reconcilesByKind the reconciles by kind
 * @param failedReconciles the failed reconciles (retried with backoff) by kind and exception
 */
public record PhaseActivity(
    Duration length,
    long kfpReads,
    long kfpWrites,
    long kubernetesWrites,
    long reconciles,
    Duration cpu,
    CallBreakdown kfp,
    CallBreakdown kubernetes,
    CallBreakdown reconcilesByKind,
    CallBreakdown failedReconciles) {

  /**
   * The KFP writes beyond one per object: the write protocol creates each KFP recurring run
   * disabled and enables it once no other one under its mark is left, one enable per create.
   */
  public long recurringRunEnables() {
    return kfp.counts().getOrDefault("POST /apis/v2beta1/recurringruns/{id}:enable", 0L);
  }

  /** The KFP recurring runs created. */
  public long recurringRunCreates() {
    return kfp.counts().getOrDefault("POST /apis/v2beta1/recurringruns", 0L);
  }

  /** What happened, for {@code --verbose}. */
  public String describe(String name) {
    return """
        %s: %.1f s, %.1f CPU s; %d KFP reads, %d KFP writes, %d operator Kubernetes writes, \
        %d reconciles
          KFP calls:
        %s  operator Kubernetes writes:
        %s  reconciles:
        %s  failed reconciles (retried with backoff):
        %s"""
        .formatted(
            name,
            length.toMillis() / 1e3,
            cpu.toMillis() / 1e3,
            kfpReads,
            kfpWrites,
            kubernetesWrites,
            reconciles,
            kfp.lines("  "),
            kubernetes.lines("  "),
            reconcilesByKind.lines("  "),
            failedReconciles.lines("  "));
  }
}
