package com.jackhoman.kfp.releaser.emulator;

import java.util.Map;
import java.util.Set;
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

  /**
   * The run keys of the release: 1.8.5's {@code model/run.go} {@code runAPIToModelFieldMap} has
   * only id, name, created_at, description, scheduled_at, storage_state and status (so no {@code
   * recurring_run_id}: 400).
   */
  static FieldTable<StoredRun> runs(ReleaseProfile release) {
    return release.recurringRunIdFilter() == ReleaseProfile.RunFilterGap.UNKNOWN_KEY
        ? RUNS.only(Set.of("id", "name", "created_at", "scheduled_at"))
        : RUNS;
  }

  /**
   * The job keys of the release: 1.8.5's {@code model/job.go} {@code jobAPIToModelFieldMap} has
   * only id, name, created_at and package_id (so no {@code description}: 400).
   */
  static FieldTable<StoredRecurringRun> recurringRuns(ReleaseProfile release) {
    return release.filtersJobsOnDescription()
        ? RECURRING_RUNS
        : RECURRING_RUNS.only(Set.of("id", "name", "created_at"));
  }

  /**
   * Fails a run listing that filters on {@code recurring_run_id} where the release maps it to a
   * column that does not exist (2.0.x, {@code model/run.go} maps it to {@code RecurringRunId}): the
   * database error comes back as 500 through {@code storage/run_store.go} {@code ListRuns}
   * ("InternalServerError: Failed to list runs: %v"), {@code resource_manager.go} {@code ListRuns}
   * and {@code server/run_server.go} {@code ListRuns} (each "Failed to list runs"); the MySQL text
   * is go-sql-driver v1.6's "Error 1054: ...", inferred, not seen from a live server.
   */
  static void refuseMissingColumns(ReleaseProfile release, ListRequest request) {
    boolean filtersOnRecurringRun =
        request.predicates().stream().anyMatch(p -> p.key().equals("recurring_run_id"));
    if (filtersOnRecurringRun
        && release.recurringRunIdFilter() == ReleaseProfile.RunFilterGap.MISSING_COLUMN) {
      String sqlError = "Error 1054: Unknown column 'RecurringRunId' in 'where clause'";
      throw KfpError.internalAsIs(
          "Failed to list runs: Failed to list runs: InternalServerError: Failed to list runs: "
              + sqlError
              + ": "
              + sqlError);
    }
  }
}
