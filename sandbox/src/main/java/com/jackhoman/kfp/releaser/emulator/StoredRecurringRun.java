package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Map;

/**
 * A recurring run (v1 job); {@code pipelineVersionId} is null when it floats to the pipeline's
 * latest version, {@code trigger} null when it was created without one, and {@code unconvertible}
 * marks a record the server can no longer turn into an API object.
 */
record StoredRecurringRun(
    String id,
    String displayName,
    String description,
    String namespace,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    RequestedParameters requested,
    Trigger trigger,
    long maxConcurrency,
    boolean noCatchup,
    boolean enabled,
    String serviceAccount,
    Instant createdAt,
    Instant updatedAt,
    boolean unconvertible) {

  /** The parameters the answers show. */
  Map<String, JsonElement> parameters() {
    return requested.shown();
  }

  StoredRecurringRun withEnabled(boolean newEnabled, Instant now) {
    return new StoredRecurringRun(
        id,
        displayName,
        description,
        namespace,
        experimentId,
        pipelineId,
        pipelineVersionId,
        requested,
        trigger,
        maxConcurrency,
        noCatchup,
        newEnabled,
        serviceAccount,
        createdAt,
        now,
        unconvertible);
  }

  /** This record as one whose stored runtime config no longer parses. */
  StoredRecurringRun broken() {
    return new StoredRecurringRun(
        id,
        displayName,
        description,
        namespace,
        experimentId,
        pipelineId,
        pipelineVersionId,
        requested,
        trigger,
        maxConcurrency,
        noCatchup,
        enabled,
        serviceAccount,
        createdAt,
        updatedAt,
        true);
  }
}
