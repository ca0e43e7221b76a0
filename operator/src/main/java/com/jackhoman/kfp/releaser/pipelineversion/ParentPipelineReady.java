package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Ready when the version's Pipeline is Ready and shows its KFP id: until then the KFP version is
 * neither uploaded nor deleted, only waited for.
 */
final class ParentPipelineReady implements Condition<Pipeline, PipelineVersion> {

  @Override
  public boolean isMet(
      DependentResource<Pipeline, PipelineVersion> dependentResource,
      PipelineVersion version,
      Context<PipelineVersion> context) {
    return dependentResource
        .getSecondaryResource(version, context)
        .map(Pipeline::getStatus)
        .filter(status -> Conditions.holds(status.getConditions(), ConditionType.Ready))
        .filter(status -> status.getPipelineId() != null)
        .isPresent();
  }
}
