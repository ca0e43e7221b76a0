package com.jackhoman.kfp.releaser.kfp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A recurring run (v1: job) as KFP holds it; parameters are typed on v2beta1 and strings on
 * v1beta1, and {@code description} is without the owner mark.
 */
public record KfpRecurringRun(
    String id,
    String name,
    String description,
    Optional<OwnerMark> owner,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    KfpTrigger trigger,
    Map<String, Object> parameters,
    int maxConcurrency,
    boolean noCatchup,
    boolean enabled,
    String serviceAccount,
    Instant createdAt)
    implements KfpObject {

  public KfpRecurringRun {
    parameters = Map.copyOf(parameters);
  }

  /**
   * This recurring run after KFP enabled or disabled it: that changes nothing else we read (KFP's
   * ResourceManager.ChangeJobMode patches only the ScheduledWorkflow's spec.enabled, and
   * JobStore.ChangeJobMode sets only Enabled and UpdatedAtInSec, backend/src/apiserver).
   */
  public KfpRecurringRun withEnabled(boolean enabled) {
    return new KfpRecurringRun(
        id,
        name,
        description,
        owner,
        experimentId,
        pipelineId,
        pipelineVersionId,
        trigger,
        parameters,
        maxConcurrency,
        noCatchup,
        enabled,
        serviceAccount,
        createdAt);
  }
}
