package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Ready when the RecurringRun names no Experiment, or the one it names is Ready with its KFP id.
 */
final class ExperimentReady implements Condition<Experiment, RecurringRun> {

  @Override
  public boolean isMet(
      DependentResource<Experiment, RecurringRun> dependentResource,
      RecurringRun run,
      Context<RecurringRun> context) {
    return run.getSpec().getExperimentRef() == null
        || dependentResource
            .getSecondaryResource(run, context)
            .map(Experiment::getStatus)
            .filter(status -> Conditions.holds(status.getConditions(), ConditionType.Ready))
            .filter(status -> status.getExperimentId() != null)
            .isPresent();
  }
}
