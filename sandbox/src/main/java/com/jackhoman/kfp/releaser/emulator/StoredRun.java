package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Map;

/** A run started by a recurring run, with its state and times. */
record StoredRun(
    String id,
    String displayName,
    String namespace,
    String experimentId,
    String recurringRunId,
    String pipelineId,
    String pipelineVersionId,
    Map<String, JsonElement> parameters,
    RunState state,
    Instant createdAt,
    Instant scheduledAt,
    Instant finishedAt) {

  StoredRun finished(RunState finalState, Instant at) {
    return new StoredRun(
        id,
        displayName,
        namespace,
        experimentId,
        recurringRunId,
        pipelineId,
        pipelineVersionId,
        parameters,
        finalState,
        createdAt,
        scheduledAt,
        at);
  }
}
