package com.jackhoman.kfp.releaser.emulator;

import java.util.Map;
import java.util.function.Function;

/** The filter and sort keys KFP accepts for each kind, in both generations. */
final class ListFields {

  private ListFields() {}

  static final FieldTable<StoredPipeline> PIPELINES =
      new FieldTable<>(
          Map.of(
              "id", StoredPipeline::id,
              "pipeline_id", StoredPipeline::id,
              "name", StoredPipeline::name,
              "display_name", StoredPipeline::displayName,
              "created_at", StoredPipeline::createdAt,
              "description", StoredPipeline::description,
              "namespace", StoredPipeline::namespace),
          StoredPipeline::id);

  static final FieldTable<StoredVersion> VERSIONS =
      new FieldTable<>(
          Map.of(
              "id", StoredVersion::id,
              "pipeline_version_id", StoredVersion::id,
              "name", StoredVersion::name,
              "display_name", StoredVersion::displayName,
              "created_at", StoredVersion::createdAt,
              "description", StoredVersion::description),
          StoredVersion::id);

  static final FieldTable<StoredExperiment> EXPERIMENTS =
      new FieldTable<>(
          Map.of(
              "id", StoredExperiment::id,
              "experiment_id", StoredExperiment::id,
              "name", StoredExperiment::name,
              "display_name", StoredExperiment::name,
              "created_at", StoredExperiment::createdAt,
              "description", StoredExperiment::description,
              "namespace", StoredExperiment::namespace),
          StoredExperiment::id);

  static final FieldTable<StoredRecurringRun> RECURRING_RUNS =
      new FieldTable<>(
          Map.of(
              "id", StoredRecurringRun::id,
              "recurring_run_id", StoredRecurringRun::id,
              "name", StoredRecurringRun::displayName,
              "display_name", StoredRecurringRun::displayName,
              "created_at", StoredRecurringRun::createdAt,
              "updated_at", StoredRecurringRun::updatedAt,
              "description", StoredRecurringRun::description),
          StoredRecurringRun::id);

  static final FieldTable<StoredRun> RUNS =
      new FieldTable<>(
          Map.<String, Function<StoredRun, Object>>of(
              "id", StoredRun::id,
              "run_id", StoredRun::id,
              "name", StoredRun::displayName,
              "display_name", StoredRun::displayName,
              "created_at", StoredRun::createdAt,
              "scheduled_at", StoredRun::scheduledAt,
              "finished_at", StoredRun::finishedAt,
              "state", run -> run.state().name(),
              "experiment_id", StoredRun::experimentId,
              "recurring_run_id", StoredRun::recurringRunId),
          StoredRun::id);

  /** Pipelines on v2beta1, which also filter on {@code tags.<key>}. */
  static final FieldTable<StoredPipeline> V2_PIPELINES = PIPELINES.withTags(StoredPipeline::tags);

  /** Pipeline versions on v2beta1, which also filter on {@code tags.<key>}. */
  static final FieldTable<StoredVersion> V2_VERSIONS = VERSIONS.withTags(StoredVersion::tags);
}
