package com.jackhoman.kfp.releaser.emulator;

import java.time.Clock;
import java.time.Instant;

/**
 * Creates recurring runs under KFP's rules: a valid trigger when one is given, {@code
 * max_concurrency} 1 to 10, an existing experiment and pipeline version, and parameters checked as
 * the release checks them ({@link RunParameters}).
 */
final class RecurringRunIntake {

  private static final String POD_NAMESPACE = "kubeflow";

  private final PipelineStore pipelines;
  private final ExperimentStore experiments;
  private final RecordTable<StoredRecurringRun> recurringRuns;
  private final IdSource ids;
  private final Clock clock;
  private final ReleaseProfile release;

  RecurringRunIntake(
      PipelineStore pipelines,
      ExperimentStore experiments,
      RecordTable<StoredRecurringRun> recurringRuns,
      IdSource ids,
      Clock clock,
      ReleaseProfile release) {
    this.pipelines = pipelines;
    this.experiments = experiments;
    this.recurringRuns = recurringRuns;
    this.ids = ids;
    this.clock = clock;
    this.release = release;
  }

  StoredRecurringRun create(RecurringRunDraft draft) {
    checkTrigger(draft.trigger());
    if (draft.maxConcurrency() < 1 || draft.maxConcurrency() > 10) {
      throw KfpError.invalidArgument(
          "Max concurrency of running jobs must be at least 1 and at most 10. Received "
              + draft.maxConcurrency());
    }
    if (draft.displayName().isEmpty()) {
      throw KfpError.internal("Failed to convert a recurring run: name is required");
    }
    String experimentId =
        draft.experimentId() == null ? experiments.defaultExperimentId() : draft.experimentId();
    StoredExperiment experiment = experiments.get(experimentId);
    StoredVersion version = version(draft);
    RunParameters.check(
        release, draft.parameters(), version.pipelinePackage(), draft.pipelineVersionId() == null);
    boolean pinned = draft.pipelineVersionId() != null || draft.pinLatest();
    Instant now = clock.instant();
    return recurringRuns.add(
        new StoredRecurringRun(
            ids.next(),
            draft.displayName(),
            draft.description(),
            experiment.namespace().isEmpty() ? POD_NAMESPACE : experiment.namespace(),
            experimentId,
            version.pipelineId(),
            pinned ? version.id() : null,
            draft.parameters(),
            draft.trigger(),
            draft.maxConcurrency(),
            draft.noCatchup(),
            draft.enabled(),
            draft.serviceAccount(),
            now,
            now,
            false));
  }

  private StoredVersion version(RecurringRunDraft draft) {
    if (draft.pipelineVersionId() != null) {
      StoredVersion version;
      try {
        version = pipelines.version(draft.pipelineVersionId());
      } catch (KfpError notFound) {
        throw KfpError.internal("Failed to fetch a template: " + notFound.getMessage());
      }
      if (draft.pipelineId() != null && !draft.pipelineId().equals(version.pipelineId())) {
        throw KfpError.internal(
            "Failed to fetch a template: pipeline version "
                + version.id()
                + " does not belong to pipeline "
                + draft.pipelineId());
      }
      return version;
    }
    if (draft.pipelineId() == null) {
      throw KfpError.internal("Cannot create a job with an empty pipeline ID");
    }
    pipelines.pipeline(draft.pipelineId());
    return pipelines
        .latestVersion(draft.pipelineId())
        .orElseThrow(
            () ->
                KfpError.notFound(
                    "ResourceNotFoundError: latest version of pipeline "
                        + draft.pipelineId()
                        + " not found"));
  }

  /**
   * A missing trigger is accepted on every release: {@code server/api_converter.go} {@code
   * toModelJob} and {@code template/template.go} {@code modelToCRDTrigger} (2.x) and 1.8.5's {@code
   * server/job_server.go} {@code validateCreateJobRequest} check only a trigger that is set.
   */
  private void checkTrigger(Trigger trigger) {
    if (trigger == null) {
      return;
    }
    FireTimes.of(trigger);
    if (!trigger.isCron() && trigger.intervalSeconds() < 1) {
      throw KfpError.invalidArgument(
          "Found invalid period schedule: interval_second must be at least 1, got "
              + trigger.intervalSeconds());
    }
  }
}
