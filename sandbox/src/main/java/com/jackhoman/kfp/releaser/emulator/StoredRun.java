package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A run, one-off or started by a recurring run ({@code recurringRunId} then set), with its state
 * and times; {@code startedAt} is null while PENDING, {@code finishedAt} until it finished, and
 * {@code failure} is the message of a FAILED run.
 */
record StoredRun(
    String id,
    String displayName,
    String description,
    String namespace,
    String experimentId,
    String recurringRunId,
    String pipelineId,
    String pipelineVersionId,
    Map<String, JsonElement> parameters,
    String serviceAccount,
    RunState state,
    Instant createdAt,
    Instant scheduledAt,
    Instant startedAt,
    Instant finishedAt,
    String failure) {

  /**
   * The parameter value that makes the emulator fail a run: an emulator-only convention, so that
   * tests and the sandbox can show a failing run. Real KFP runs the pipeline.
   */
  static final String FAIL = "emulator:fail";

  /** This run once its workflow started, at {@code at}. */
  StoredRun started(Instant at) {
    return with(RunState.RUNNING, at, null, null);
  }

  /**
   * This run once it finished at {@code at}: FAILED when one of its parameters is {@link #FAIL},
   * else SUCCEEDED.
   */
  StoredRun finished(Instant at) {
    Optional<String> failing =
        parameters.entrySet().stream()
            .filter(p -> p.getValue().isJsonPrimitive() && FAIL.equals(p.getValue().getAsString()))
            .map(Map.Entry::getKey)
            .findFirst();
    return failing
        .map(
            name ->
                with(
                    RunState.FAILED,
                    startedAt,
                    at,
                    "parameter " + name + " is " + FAIL + ": the KFP emulator failed this run"))
        .orElseGet(() -> with(RunState.SUCCEEDED, startedAt, at, null));
  }

  private StoredRun with(RunState newState, Instant started, Instant finished, String message) {
    return new StoredRun(
        id,
        displayName,
        description,
        namespace,
        experimentId,
        recurringRunId,
        pipelineId,
        pipelineVersionId,
        parameters,
        serviceAccount,
        newState,
        createdAt,
        scheduledAt,
        started,
        finished,
        message);
  }
}
