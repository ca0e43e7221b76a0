package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;

/** The v2beta1 response objects, built from stored objects. */
final class V2Shapes {

  private V2Shapes() {}

  /** A pipeline; {@code withName} false for releases whose Pipeline message has no name. */
  static JsonObject pipeline(StoredPipeline pipeline, boolean withName) {
    return new ProtoJson()
        .string("pipeline_id", pipeline.id())
        .string("name", withName ? pipeline.name() : null)
        .string("display_name", pipeline.displayName())
        .string("description", pipeline.description())
        .time("created_at", pipeline.createdAt())
        .string("namespace", pipeline.namespace())
        .element("tags", strings(pipeline.tags()))
        .build();
  }

  /** A version; {@code withName} false for releases whose message has no name. */
  static JsonObject version(StoredVersion version, boolean withName) {
    return new ProtoJson()
        .string("pipeline_id", version.pipelineId())
        .string("pipeline_version_id", version.id())
        .string("name", withName ? version.name() : null)
        .string("display_name", version.displayName())
        .string("description", version.description())
        .time("created_at", version.createdAt())
        .string("code_source_url", version.codeSourceUrl())
        .element("pipeline_spec", version.pipelinePackage().spec())
        .element("tags", strings(version.tags()))
        .build();
  }

  static JsonObject experiment(StoredExperiment experiment, Instant lastRunCreatedAt) {
    return new ProtoJson()
        .string("experiment_id", experiment.id())
        .string("display_name", experiment.name())
        .string("description", experiment.description())
        .time("created_at", experiment.createdAt())
        .string("namespace", experiment.namespace())
        .string("storage_state", "AVAILABLE")
        .time("last_run_created_at", lastRunCreatedAt)
        .build();
  }

  /**
   * A recurring run; an unconvertible one is only its id and the error, as {@code
   * server/api_converter.go} {@code toApiRecurringRun} (2.17.0) answers a runtime config that does
   * not parse; a missing trigger shows as {@code "trigger": {}} ({@code toApiTrigger} returns an
   * empty Trigger for a nil one).
   */
  static JsonObject recurringRun(StoredRecurringRun recurringRun) {
    if (recurringRun.unconvertible()) {
      JsonObject error = new JsonObject();
      error.addProperty("code", 13);
      error.addProperty(
          "message", "InternalServerError: " + UNCONVERTIBLE + " API counterpart: " + UNPARSED);
      return new ProtoJson()
          .string("recurring_run_id", recurringRun.id())
          .setMessage("error", error)
          .build();
    }
    return new ProtoJson()
        .string("recurring_run_id", recurringRun.id())
        .string("display_name", recurringRun.displayName())
        .string("description", recurringRun.description())
        .message(
            "pipeline_version_reference",
            reference(recurringRun.pipelineId(), recurringRun.pipelineVersionId()))
        .message("runtime_config", runtimeConfig(recurringRun.parameters()))
        .string("service_account", recurringRun.serviceAccount())
        .int64("max_concurrency", recurringRun.maxConcurrency())
        .setMessage("trigger", trigger(recurringRun.trigger()))
        .string("mode", recurringRun.enabled() ? "ENABLE" : "DISABLE")
        .string("status", recurringRun.enabled() ? "ENABLED" : "DISABLED")
        .time("created_at", recurringRun.createdAt())
        .time("updated_at", recurringRun.updatedAt())
        .bool("no_catchup", recurringRun.noCatchup())
        .string("namespace", recurringRun.namespace())
        .string("experiment_id", recurringRun.experimentId())
        .build();
  }

  static JsonObject run(StoredRun run) {
    return new ProtoJson()
        .string("experiment_id", run.experimentId())
        .string("run_id", run.id())
        .string("display_name", run.displayName())
        .string("storage_state", "AVAILABLE")
        .string("description", run.description())
        .message("pipeline_version_reference", reference(run.pipelineId(), run.pipelineVersionId()))
        .message("runtime_config", runtimeConfig(run.parameters()))
        .string("service_account", run.serviceAccount())
        .time("created_at", run.createdAt())
        .time("scheduled_at", run.scheduledAt())
        .time("finished_at", run.finishedAt())
        .string("state", run.state().name())
        .string("recurring_run_id", run.recurringRunId())
        .element("state_history", stateHistory(run))
        .build();
  }

  /**
   * One entry per state the run has been in, each with the time it entered it, as {@code
   * storage/run_store.go} appends them; KFP's entries carry no error, so a failed run's message is
   * not in v2beta1 (the v1beta1 run detail's workflow has it).
   */
  private static JsonArray stateHistory(StoredRun run) {
    JsonArray history = new JsonArray();
    if (!run.createdAt().equals(run.startedAt())) {
      history.add(status(RunState.PENDING, run.createdAt()));
    }
    if (run.startedAt() != null) {
      history.add(status(RunState.RUNNING, run.startedAt()));
    }
    if (run.finishedAt() != null) {
      history.add(status(run.state(), run.finishedAt()));
    }
    return history;
  }

  private static JsonObject status(RunState state, Instant at) {
    return new ProtoJson().time("update_time", at).string("state", state.name()).build();
  }

  /** The start of the conversion error text; v1beta1 adds "v1beta1" before "API counterpart". */
  static final String UNCONVERTIBLE =
      "Failed to convert recurring run's internal representation to its";

  /** The cause of the conversion error of a record whose runtime config does not parse. */
  static final String UNPARSED = "Invalid input error: Runtime config was not parsed correctly";

  /** The trigger, identical in both generations; empty when there is none. */
  static JsonObject trigger(Trigger trigger) {
    if (trigger == null) {
      return new JsonObject();
    }
    ProtoJson schedule =
        new ProtoJson()
            .optionalTime("start_time", trigger.startTime())
            .optionalTime("end_time", trigger.endTime());
    if (trigger.isCron()) {
      return new ProtoJson()
          .message("cron_schedule", schedule.string("cron", trigger.cron()))
          .build();
    }
    return new ProtoJson()
        .message("periodic_schedule", schedule.int64("interval_second", trigger.intervalSeconds()))
        .build();
  }

  static ProtoJson runtimeConfig(Map<String, JsonElement> parameters) {
    JsonObject values = new JsonObject();
    parameters.forEach((name, value) -> values.add(name, value.deepCopy()));
    return new ProtoJson().element("parameters", values);
  }

  private static ProtoJson reference(String pipelineId, String versionId) {
    return new ProtoJson()
        .string("pipeline_id", pipelineId)
        .string("pipeline_version_id", versionId);
  }

  private static JsonObject strings(Map<String, String> values) {
    JsonObject object = new JsonObject();
    values.forEach(object::addProperty);
    return object;
  }
}
