package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipelines;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
import com.jackhoman.kfp.releaser.sync.KfpLookup;
import com.jackhoman.kfp.releaser.sync.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.KfpRelease;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The KFP pipeline of a Pipeline, polled from KFP. KFP can create and delete a pipeline but not
 * update one, so this dependent creates and deletes only. It finds the pipeline by our mark first,
 * then by its derived name, so a lost create response never leads to a second pipeline.
 */
final class KfpPipelineDependent extends KfpPolledDependent<KfpPipeline, Pipeline>
    implements Creator<KfpPipeline, Pipeline>, Deleter<Pipeline> {

  private final KfpClient kfp;
  private final KfpTenancy tenancy;
  private final Function<Pipeline, Optional<String>> firstVersionPackage;

  /**
   * Creates the dependent.
   *
   * @param firstVersionPackage the package of the pipeline's first PipelineVersion, for KFP APIs
   *     that create a pipeline only by uploading a package (v1beta1)
   */
  KfpPipelineDependent(
      KfpClient kfp,
      KfpTenancy tenancy,
      SyncSettings settings,
      Function<Pipeline, Optional<String>> firstVersionPackage) {
    super(KfpPipeline.class, "pipeline", settings);
    this.kfp = kfp;
    this.tenancy = tenancy;
    this.firstVersionPackage = firstVersionPackage;
  }

  @Override
  protected Set<KfpPipeline> fetchFromKfp(Pipeline pipeline) {
    String namespace = tenancy.namespaceOf(pipeline);
    return KfpLookup.markThenName(
            () -> kfp.in(namespace).pipelines().findOwnedBy(namespace, OwnerMarks.of(pipeline)),
            () ->
                kfp.in(namespace)
                    .pipelines()
                    .findByName(namespace, OwnerMarks.kfpPipelineName(pipeline, kfp.features())))
        .map(Set::of)
        .orElse(Set.of());
  }

  @Override
  protected KfpPipeline desired(Pipeline pipeline, Context<Pipeline> context) {
    return new KfpPipeline(
        null,
        OwnerMarks.kfpPipelineName(pipeline, kfp.features()),
        displayName(pipeline),
        description(pipeline),
        tenancy.namespaceOf(pipeline),
        Optional.of(OwnerMarks.of(pipeline)),
        null);
  }

  /** True when KFP lets this pipeline be created now: by itself, or with a version's package. */
  boolean creatable(Pipeline pipeline) {
    return kfp.pipelines().createsWithoutPackage()
        || firstVersionPackage.apply(pipeline).isPresent();
  }

  @Override
  public KfpPipeline create(KfpPipeline desired, Pipeline pipeline, Context<Pipeline> context) {
    return creates.create(pipeline, () -> lookThenCreate(desired, pipeline));
  }

  private KfpPipeline lookThenCreate(KfpPipeline desired, Pipeline pipeline) {
    // Look again right before creating: the answer to an earlier create may have been lost.
    Optional<KfpPipeline> existing = fetchResources(pipeline).stream().findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    NewPipeline request =
        new NewPipeline(
            desired.namespace(),
            desired.name(),
            desired.displayName(),
            desired.description(),
            desired.owner().orElseThrow());
    KfpPipelines pipelines = kfp.in(desired.namespace()).pipelines();
    if (pipelines.createsWithoutPackage()) {
      return pipelines.create(request);
    }
    return pipelines.upload(
        request,
        firstVersionPackage
            .apply(pipeline)
            .orElseThrow(
                () -> new IllegalStateException("No PipelineVersion package to create it with")));
  }

  @Override
  protected void handleDelete(Pipeline pipeline, KfpPipeline inKfp, Context<Pipeline> context) {
    KfpRelease.release(
        pipeline,
        pipeline.getSpec() != null
            && pipeline.getSpec().getDeletionPolicy() == PipelineSpec.DeletionPolicy.ORPHAN,
        inKfp,
        () -> fetchResources(pipeline).stream().findFirst(),
        KfpPipeline::owner,
        gone -> kfp.in(tenancy.namespaceOf(pipeline)).pipelines().delete(gone.id()),
        creates);
  }

  private static String displayName(Pipeline pipeline) {
    return pipeline.getSpec() == null || pipeline.getSpec().getDisplayName() == null
        ? pipeline.getMetadata().getName()
        : pipeline.getSpec().getDisplayName();
  }

  private static String description(Pipeline pipeline) {
    return pipeline.getSpec() == null || pipeline.getSpec().getDescription() == null
        ? ""
        : pipeline.getSpec().getDescription();
  }
}
