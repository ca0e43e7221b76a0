package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.sync.Ownership;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Ready when the KFP pipeline exists and belongs to this Pipeline. */
final class KfpPipelineOwned implements Condition<KfpPipeline, Pipeline> {

  @Override
  public boolean isMet(
      DependentResource<KfpPipeline, Pipeline> dependentResource,
      Pipeline pipeline,
      Context<Pipeline> context) {
    return dependentResource
        .getSecondaryResource(pipeline, context)
        .filter(inKfp -> Ownership.of(inKfp.owner(), pipeline) == Ownership.OURS)
        .isPresent();
  }
}
