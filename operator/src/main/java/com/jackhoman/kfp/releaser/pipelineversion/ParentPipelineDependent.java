package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.sync.ViewChanged;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Pipeline a PipelineVersion belongs to, read and never written: the node of the version's
 * workflow the KFP version waits on. Its informer queues a Pipeline's versions whenever what they
 * look at in the Pipeline changes, so a version proceeds the moment its Pipeline turns Ready.
 */
final class ParentPipelineDependent implements DependentResource<Pipeline, PipelineVersion> {

  private InformerEventSource<Pipeline, PipelineVersion> pipelines;

  @Override
  public ReconcileResult<Pipeline> reconcile(
      PipelineVersion version, Context<PipelineVersion> context) {
    return ReconcileResult.noOperation(getSecondaryResource(version, context).orElse(null));
  }

  @Override
  public Optional<Pipeline> getSecondaryResource(
      PipelineVersion version, Context<PipelineVersion> context) {
    return context.getSecondaryResource(Pipeline.class);
  }

  @Override
  public Class<Pipeline> resourceType() {
    return Pipeline.class;
  }

  @Override
  public Optional<InformerEventSource<Pipeline, PipelineVersion>> eventSource(
      EventSourceContext<PipelineVersion> context) {
    pipelines =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pipeline.class, PipelineVersion.class)
                .withSecondaryToPrimaryMapper(
                    pipeline ->
                        context
                            .getPrimaryCache()
                            .list(
                                pipeline.getMetadata().getNamespace(),
                                version -> belongsTo(version, pipeline))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper(
                    (PipelineVersion version) -> Set.of(parentId(version)))
                .withOnUpdateFilter(new ViewChanged<>(ParentPipelineDependent::asSeenByVersions))
                .build(),
            context);
    return Optional.of(pipelines);
  }

  /** The KFP id the version's Pipeline shows, ready or not (a Pipeline being deleted keeps it). */
  Optional<String> pipelineId(PipelineVersion version) {
    return pipelines
        .get(parentId(version))
        .map(Pipeline::getStatus)
        .map(PipelineStatus::getPipelineId);
  }

  /** The version's Pipeline, if it exists. */
  Optional<Pipeline> of(PipelineVersion version) {
    return pipelines.get(parentId(version));
  }

  /**
   * What a version looks at in its Pipeline: not the list of versions in its status, which changes
   * with every version added and would re-queue all the others.
   */
  private static List<Object> asSeenByVersions(Pipeline pipeline) {
    PipelineStatus status = pipeline.getStatus();
    return status == null
        ? ViewChanged.ofParent(pipeline, null)
        : ViewChanged.ofParent(pipeline, status.getConditions(), status.getPipelineId());
  }

  private static boolean belongsTo(PipelineVersion version, Pipeline pipeline) {
    return version.getSpec() != null
        && pipeline.getMetadata().getName().equals(version.getSpec().getPipeline());
  }

  private static ResourceID parentId(PipelineVersion version) {
    return new ResourceID(version.getSpec().getPipeline(), version.getMetadata().getNamespace());
  }
}
