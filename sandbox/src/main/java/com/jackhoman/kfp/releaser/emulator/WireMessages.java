package com.jackhoman.kfp.releaser.emulator;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The request messages of both REST generations that the emulator reads, field by field. */
final class WireMessages {

  private WireMessages() {}

  private static final RequestMessage URL =
      RequestMessage.of("Url", Set.of("pipeline_url"), Map.of());

  static final RequestMessage TRIGGER =
      RequestMessage.of(
          "Trigger",
          Set.of(),
          Map.of(
              "cron_schedule",
              RequestMessage.of("CronSchedule", Set.of("start_time", "end_time", "cron"), Map.of()),
              "periodic_schedule",
              RequestMessage.of(
                  "PeriodicSchedule",
                  Set.of("start_time", "end_time", "interval_second"),
                  Map.of())));

  private static final RequestMessage RUNTIME_CONFIG =
      RequestMessage.of("RuntimeConfig", Set.of("parameters", "pipeline_root"), Map.of());

  private static final RequestMessage PIPELINE_VERSION_REFERENCE =
      RequestMessage.of(
          "PipelineVersionReference", Set.of("pipeline_id", "pipeline_version_id"), Map.of());

  private static final Set<String> V2_PIPELINE_FIELDS =
      Set.of("pipeline_id", "display_name", "description", "created_at", "namespace", "error");

  /**
   * {@code v2beta1.Pipeline} as the release's {@code backend/api/v2beta1/pipeline.proto} has it:
   * {@code name} from 2.14.0, {@code tags} from 2.17.0.
   */
  static RequestMessage v2Pipeline(ReleaseProfile release) {
    Set<String> fields = new HashSet<>(V2_PIPELINE_FIELDS);
    if (release.pipelinesHaveName()) {
      fields.add("name");
    }
    if (release.pipelineTags()) {
      fields.add("tags");
    }
    return RequestMessage.of("v2beta1.Pipeline", Set.copyOf(fields), Map.of());
  }

  static final RequestMessage V2_EXPERIMENT =
      RequestMessage.of(
          "v2beta1.Experiment",
          Set.of(
              "experiment_id",
              "display_name",
              "description",
              "created_at",
              "namespace",
              "storage_state",
              "last_run_created_at"),
          Map.of());

  static final RequestMessage V2_RECURRING_RUN =
      RequestMessage.of(
          "v2beta1.RecurringRun",
          Set.of(
              "recurring_run_id",
              "display_name",
              "description",
              "pipeline_version_id",
              "pipeline_spec",
              "service_account",
              "max_concurrency",
              "mode",
              "status",
              "created_at",
              "updated_at",
              "error",
              "no_catchup",
              "namespace",
              "experiment_id",
              "plugins_input"),
          Map.of(
              "pipeline_version_reference",
              PIPELINE_VERSION_REFERENCE,
              "runtime_config",
              RUNTIME_CONFIG,
              "trigger",
              TRIGGER));

  /** {@code v2beta1.Run}, as {@code backend/api/v2beta1/run.proto} (the swagger) has it. */
  static final RequestMessage V2_RUN =
      RequestMessage.of(
          "v2beta1.Run",
          Set.of(
              "experiment_id",
              "run_id",
              "display_name",
              "storage_state",
              "description",
              "pipeline_version_id",
              "pipeline_spec",
              "service_account",
              "created_at",
              "scheduled_at",
              "finished_at",
              "state",
              "error",
              "run_details",
              "recurring_run_id",
              "state_history",
              "plugins_input",
              "plugins_output"),
          Map.of(
              "pipeline_version_reference",
              PIPELINE_VERSION_REFERENCE,
              "runtime_config",
              RUNTIME_CONFIG));

  private static final RequestMessage RESOURCE_REFERENCE =
      RequestMessage.of(
          "ResourceReference",
          Set.of("name", "relationship"),
          Map.of("key", RequestMessage.of("ResourceKey", Set.of("type", "id"), Map.of())));

  static final RequestMessage V1_EXPERIMENT =
      RequestMessage.of(
          "api.Experiment",
          Set.of("id", "name", "description", "created_at", "storage_state"),
          Map.of("resource_references", RESOURCE_REFERENCE));

  static final RequestMessage V1_JOB =
      RequestMessage.of(
          "api.Job",
          Set.of(
              "id",
              "name",
              "description",
              "service_account",
              "max_concurrency",
              "mode",
              "created_at",
              "updated_at",
              "status",
              "error",
              "enabled",
              "no_catchup"),
          Map.of(
              "pipeline_spec",
              RequestMessage.of(
                  "PipelineSpec",
                  Set.of("pipeline_id", "pipeline_name", "workflow_manifest", "pipeline_manifest"),
                  Map.of(
                      "parameters",
                      RequestMessage.of("Parameter", Set.of("name", "value"), Map.of()),
                      "runtime_config",
                      RUNTIME_CONFIG)),
              "resource_references",
              RESOURCE_REFERENCE,
              "trigger",
              TRIGGER));

  static final RequestMessage V2_PIPELINE_VERSION =
      RequestMessage.of(
          "v2beta1.PipelineVersion",
          Set.of(
              "pipeline_id",
              "pipeline_version_id",
              "name",
              "display_name",
              "description",
              "created_at",
              "code_source_url",
              "pipeline_spec",
              "error",
              "tags"),
          Map.of("package_url", URL));
}
