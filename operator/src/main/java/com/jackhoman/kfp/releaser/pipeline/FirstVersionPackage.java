package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import com.jackhoman.kfp.releaser.sync.events.Referrers;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A read-only workflow node of a Pipeline: the package of its oldest valid PipelineVersion whose
 * format this KFP release keeps. KFP's v1beta1 API creates a pipeline only by uploading a package,
 * so there the KFP pipeline waits on this node ({@link #ready()}); v2beta1 needs none.
 */
final class FirstVersionPackage implements DependentResource<PipelinePackage, Pipeline> {

  private final KfpFeatures features;
  private final boolean needed;
  private Referrers<PipelineVersion, Pipeline> versions;

  /**
   * Creates the node.
   *
   * @param needed whether KFP creates a pipeline only together with a package
   */
  FirstVersionPackage(KfpFeatures features, boolean needed) {
    this.features = features;
    this.needed = needed;
  }

  /** Watches the PipelineVersions naming a Pipeline; the event source to register. */
  InformerEventSource<PipelineVersion, Pipeline> watch(EventSourceContext<Pipeline> context) {
    versions =
        Referrers.watch(
            PipelineVersion.class,
            Pipeline.class,
            version -> version.getSpec() == null ? null : version.getSpec().getPipeline(),
            context);
    return versions.eventSource();
  }

  /** The sorted names of the Pipeline's PipelineVersions. */
  List<String> versionNames(Pipeline pipeline) {
    return versions.namesOf(pipeline);
  }

  @Override
  public Optional<PipelinePackage> getSecondaryResource(
      Pipeline pipeline, Context<Pipeline> context) {
    return versions
        .of(pipeline)
        .sorted(
            Comparator.comparing((PipelineVersion v) -> v.getMetadata().getCreationTimestamp())
                .thenComparing(v -> v.getMetadata().getName()))
        .flatMap(FirstVersionPackage::packageOf)
        .filter(pkg -> features.cannotKeep(pkg.format()).isEmpty())
        .findFirst();
  }

  @Override
  public ReconcileResult<PipelinePackage> reconcile(Pipeline pipeline, Context<Pipeline> context) {
    return ReconcileResult.noOperation(getSecondaryResource(pipeline, context).orElse(null));
  }

  @Override
  public Class<PipelinePackage> resourceType() {
    return PipelinePackage.class;
  }

  /** Met where KFP needs no package, or once there is one; the detail says what is awaited. */
  DetailedCondition<PipelinePackage, Pipeline, String> ready() {
    return (node, pipeline, context) ->
        !needed || node.getSecondaryResource(pipeline, context).isPresent()
            ? DetailedCondition.Result.withResult(true, null)
            : DetailedCondition.Result.withResult(
                false,
                "a PipelineVersion of this pipeline whose package this KFP release keeps: KFP's"
                    + " v1beta1 API creates a pipeline only together with a package");
  }

  private static Stream<PipelinePackage> packageOf(PipelineVersion version) {
    try {
      return Stream.of(VersionPackages.of(version));
    } catch (InvalidPackageException invalid) {
      return Stream.empty();
    }
  }
}
