package com.jackhoman.kfp.releaser.emulator;

import java.time.Clock;
import java.time.Instant;

/**
 * Creates one-off runs under KFP's rules (2.14 {@code server/run_server.go} {@code createRun} and
 * {@code resource/resource_manager.go} {@code CreateRun}): a display name, an existing experiment
 * (the default one when none is given), an existing pipeline version (or a pipeline's latest), and
 * parameters checked as for recurring runs; a new run is PENDING and scheduled when created.
 */
final class RunIntake {

  private static final String POD_NAMESPACE = "kubeflow";

  private final KfpState state;

  RunIntake(KfpState state) {
    this.state = state;
  }

  StoredRun create(RunDraft draft) {
    if (draft.displayName().isEmpty()) {
      throw KfpError.invalidArgument(
          "Failed to create a new run: Failed to create a run due to invalid name: "
              + "Invalid input error: The run name is empty. Please specify a valid name");
    }
    ExperimentStore experiments = state.experiments();
    String experimentId =
        draft.experimentId() == null ? experiments.defaultExperimentId() : draft.experimentId();
    StoredExperiment experiment = experiments.get(experimentId);
    StoredVersion version = version(draft);
    RunParameters.check(state.release(), draft.parameters(), version.pipelinePackage(), false);
    Clock clock = state.clock();
    Instant now = clock.instant();
    return state
        .runs()
        .add(
            new StoredRun(
                state.ids().next(),
                draft.displayName(),
                draft.description(),
                experiment.namespace().isEmpty() ? POD_NAMESPACE : experiment.namespace(),
                experimentId,
                null,
                version.pipelineId(),
                version.id(),
                draft.parameters().shown(),
                draft.serviceAccount(),
                RunState.PENDING,
                now,
                now,
                null,
                null,
                null));
  }

  /** {@code fetchTemplateFromPipelineSpec}: the named version, else the pipeline's latest. */
  private StoredVersion version(RunDraft draft) {
    PipelineStore pipelines = state.pipelines();
    try {
      if (draft.pipelineVersionId() != null) {
        return pipelines.version(draft.pipelineVersionId());
      }
      if (draft.pipelineId() != null) {
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
    } catch (KfpError notFound) {
      throw KfpError.internal(
          "Failed to create a run due to error fetching manifest: Failed to fetch a template due"
              + " to error retrieving pipeline version: "
              + notFound.getMessage());
    }
    throw KfpError.internal(
        "Failed to create a run due to error fetching manifest: Invalid input error: Failed to"
            + " fetch a template with an empty pipeline spec manifest");
  }
}
