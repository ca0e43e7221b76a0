package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Ready when the RecurringRun names its own Experiment, or the namespace's default one exists. */
final class DefaultExperimentFound implements Condition<KfpExperiment, RecurringRun> {

  @Override
  public boolean isMet(
      DependentResource<KfpExperiment, RecurringRun> dependentResource,
      RecurringRun run,
      Context<RecurringRun> context) {
    return run.getSpec().getExperimentRef() != null
        || dependentResource.getSecondaryResource(run, context).isPresent();
  }
}
