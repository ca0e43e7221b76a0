package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Ready when the PipelineVersion a RecurringRun runs is Ready and its KFP ids are known. */
final class VersionReady implements Condition<PipelineVersion, RecurringRun> {

  @Override
  public boolean isMet(
      DependentResource<PipelineVersion, RecurringRun> dependentResource,
      RecurringRun run,
      Context<RecurringRun> context) {
    return dependentResource
        .getSecondaryResource(run, context)
        .map(PipelineVersion::getStatus)
        .filter(status -> Conditions.holds(status.getConditions(), ConditionType.Ready))
        .filter(status -> status.getId() != null && status.getPipelineId() != null)
        .isPresent();
  }
}
