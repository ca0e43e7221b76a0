package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipelines;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.KfpRelease;
import com.jackhoman.kfp.releaser.sync.dependents.UniqueName;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.polling.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.polling.OwnedOrNamed;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KFP pipeline of a Pipeline, polled from KFP with all others of its KFP namespace. KFP can
 * create and delete a pipeline but not update one, so this dependent creates and deletes only.
 */
final class KfpPipelineDependent extends KfpPolledDependent<KfpPipeline, Pipeline>
    implements Creator<KfpPipeline, Pipeline>, Deleter<Pipeline> {

  private final KfpClient kfp;
  private final FirstVersionPackage firstPackage;
  private final OwnedOrNamed<KfpPipeline, Pipeline> owned;

  /**
   * Creates the dependent.
   *
   * @param firstPackage the package to create the pipeline with where KFP needs one (v1beta1)
   */
  KfpPipelineDependent(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, FirstVersionPackage firstPackage) {
    super(KfpPipeline.class, "pipeline", tenancy, settings, KfpPipeline::id);
    this.kfp = kfp;
    this.firstPackage = firstPackage;
    this.owned =
        new OwnedOrNamed<>(KfpPipeline::owner, KfpPipeline::name, OwnerMarks::of, this::kfpName);
  }

  @Override
  protected Map<ResourceID, Set<KfpPipeline>> fetchScope(
      String namespace, List<Pipeline> pipelines) {
    return owned.assignFirst(kfp.in(namespace).pipelines().list(namespace), pipelines);
  }

  @Override
  protected KfpPipeline desired(Pipeline pipeline, Context<Pipeline> context) {
    PipelineSpec spec = pipeline.getSpec();
    return new KfpPipeline(
        null,
        kfpName(pipeline),
        spec == null || spec.getDisplayName() == null
            ? pipeline.getMetadata().getName()
            : spec.getDisplayName(),
        spec == null || spec.getDescription() == null ? "" : spec.getDescription(),
        tenancy.namespaceOf(pipeline),
        Optional.of(OwnerMarks.of(pipeline)),
        null);
  }

  @Override
  public KfpPipeline create(KfpPipeline desired, Pipeline pipeline, Context<Pipeline> context) {
    NewPipeline request =
        new NewPipeline(
            desired.namespace(),
            desired.name(),
            desired.displayName(),
            desired.description(),
            desired.owner().orElseThrow());
    KfpPipelines pipelines = pipelines(pipeline);
    return creates.create(
        pipeline,
        () ->
            UniqueName.lookThenCreate(
                () -> find(pipeline),
                () ->
                    pipelines.createsWithoutPackage()
                        ? pipelines.create(request)
                        : pipelines.upload(
                            request,
                            firstPackage
                                .getSecondaryResource(pipeline, context)
                                .map(PipelinePackage::uploadYaml)
                                .orElseThrow())));
  }

  @Override
  protected void handleDelete(Pipeline pipeline, KfpPipeline inKfp, Context<Pipeline> context) {
    KfpRelease.release(
        pipeline,
        pipeline.getSpec() != null
            && pipeline.getSpec().getDeletionPolicy() == PipelineSpec.DeletionPolicy.ORPHAN,
        inKfp,
        () -> find(pipeline),
        KfpPipeline::owner,
        gone -> pipelines(pipeline).delete(gone.id()),
        creates);
  }

  /** The pipeline of this name in KFP, looked up past the cache. */
  private Optional<KfpPipeline> find(Pipeline pipeline) {
    return pipelines(pipeline).findByName(tenancy.namespaceOf(pipeline), kfpName(pipeline));
  }

  private String kfpName(Pipeline pipeline) {
    return OwnerMarks.kfpPipelineName(pipeline, kfp.features());
  }

  /** KFP's pipelines, acting as the identity of the Pipeline's KFP namespace. */
  private KfpPipelines pipelines(Pipeline pipeline) {
    return kfp.in(tenancy.namespaceOf(pipeline)).pipelines();
  }
}
