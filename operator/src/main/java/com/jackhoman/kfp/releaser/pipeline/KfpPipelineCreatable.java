package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Holds when the KFP pipeline exists, or can be created now: KFP's v1beta1 API creates a pipeline
 * only by uploading a package, so there it waits for the pipeline's first PipelineVersion. (A
 * precondition that does not hold makes JOSDK delete the dependent; this one fails only while there
 * is no KFP pipeline to delete.)
 */
final class KfpPipelineCreatable implements Condition<KfpPipeline, Pipeline> {

  private final KfpPipelineDependent kfpPipeline;

  KfpPipelineCreatable(KfpPipelineDependent kfpPipeline) {
    this.kfpPipeline = kfpPipeline;
  }

  @Override
  public boolean isMet(
      DependentResource<KfpPipeline, Pipeline> dependentResource,
      Pipeline pipeline,
      Context<Pipeline> context) {
    return dependentResource.getSecondaryResource(pipeline, context).isPresent()
        || kfpPipeline.creatable(pipeline);
  }
}
