package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.sync.dependents.ReadOnlyParent;
import com.jackhoman.kfp.releaser.sync.events.ViewChanged;
import java.util.List;

/**
 * The objects of ours a RecurringRun names, as the read-only nodes its KFP recurring run waits on.
 */
final class RecurringRunParents {

  private RecurringRunParents() {}

  /** The PipelineVersion it runs: met once Ready with its KFP id. */
  static ReadOnlyParent<PipelineVersion, RecurringRun> version() {
    return new ReadOnlyParent<>(
        PipelineVersion.class,
        run -> run.getSpec() == null ? null : run.getSpec().getVersionRef(),
        RecurringRunParents::asSeenByRuns,
        version -> version.getStatus() == null ? null : version.getStatus().getConditions(),
        version -> version.getStatus() == null ? null : version.getStatus().getId());
  }

  /** The Experiment it files its runs under, if it names one: met once Ready with its KFP id. */
  static ReadOnlyParent<Experiment, RecurringRun> experiment() {
    return new ReadOnlyParent<>(
        Experiment.class,
        run -> run.getSpec() == null ? null : run.getSpec().getExperimentRef(),
        RecurringRunParents::asSeenByRuns,
        experiment ->
            experiment.getStatus() == null ? null : experiment.getStatus().getConditions(),
        experiment ->
            experiment.getStatus() == null ? null : experiment.getStatus().getExperimentId());
  }

  /**
   * What a RecurringRun looks at in its PipelineVersion: its spec, readiness, ids and parameters.
   */
  private static List<Object> asSeenByRuns(PipelineVersion version) {
    PipelineVersionStatus status = version.getStatus();
    return status == null
        ? ViewChanged.ofParent(version, null)
        : ViewChanged.ofParent(
            version,
            status.getConditions(),
            status.getId(),
            status.getPipelineId(),
            status.getParameters());
  }

  /** What a RecurringRun looks at in its Experiment: its spec, readiness and id. */
  private static List<Object> asSeenByRuns(Experiment experiment) {
    ExperimentStatus status = experiment.getStatus();
    return status == null
        ? ViewChanged.ofParent(experiment, null)
        : ViewChanged.ofParent(experiment, status.getConditions(), status.getExperimentId());
  }
}
