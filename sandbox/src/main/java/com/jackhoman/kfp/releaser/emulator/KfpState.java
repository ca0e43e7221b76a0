package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import java.time.Clock;

/** Everything one emulated KFP holds, handed to the endpoints of both generations. */
record KfpState(
    PipelineStore pipelines,
    ExperimentStore experiments,
    RecordTable<StoredRecurringRun> recurringRuns,
    RecordTable<StoredRun> runs,
    PipelineIntake pipelineIntake,
    RecurringRunIntake recurringRunIntake,
    IdSource ids,
    Clock clock,
    boolean multiUser,
    ReleaseProfile release) {

  /** The request's body read as {@code message} under the release's rule for unknown fields. */
  JsonObject read(RequestMessage message, ApiRequest request) {
    return message.read(request.body(), release.rejectsUnknownFields());
  }

  /**
   * Whether the run's package, pinned or latest, is an Argo workflow (v1 shows parameters then).
   */
  boolean argo(String pipelineId, String versionId) {
    return (versionId != null
            ? pipelines.findVersion(versionId)
            : pipelines.latestVersion(pipelineId))
        .map(v -> v.pipelinePackage().argo())
        .orElse(false);
  }
}
