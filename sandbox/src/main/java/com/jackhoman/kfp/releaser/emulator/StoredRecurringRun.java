package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Map;

/**
 * A recurring run (v1 job); {@code pipelineVersionId} is null when it floats to the pipeline's
 * latest version.
 */
record StoredRecurringRun(
    String id,
    String displayName,
    String description,
    String namespace,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    Map<String, JsonElement> parameters,
    Trigger trigger,
    long maxConcurrency,
    boolean noCatchup,
    boolean enabled,
    String serviceAccount,
    Instant createdAt,
    Instant updatedAt) {

  StoredRecurringRun withEnabled(boolean newEnabled, Instant now) {
    return new StoredRecurringRun(
        id,
        displayName,
        description,
        namespace,
        experimentId,
        pipelineId,
        pipelineVersionId,
        parameters,
        trigger,
        maxConcurrency,
        noCatchup,
        newEnabled,
        serviceAccount,
        createdAt,
        now);
  }
}
