package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpNameLimit;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.status.KfpFailure;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.status.StatusUpdates;
import com.jackhoman.kfp.releaser.sync.KfpObjectOwned;
import com.jackhoman.kfp.releaser.sync.KfpObjectReport;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.MoreThanStatusChanged;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.Referrers;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a Pipeline's KFP pipeline in place: creates it, reports it, and deletes it only once no
 * PipelineVersion of it is left.
 */
// Not generation-aware: the adopt annotation changes no generation, yet must be acted on.
@ControllerConfiguration(
    name = PipelineReconciler.NAME,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = MoreThanStatusChanged.class))
public final class PipelineReconciler implements Reconciler<Pipeline>, Cleaner<Pipeline> {

  /** The controller's name. */
  public static final String NAME = "pipeline";

  private final KfpFeatures features;
  private final KfpPipelineDependent kfpPipeline;
  private final Workflow<Pipeline> workflow;
  private final ConditionReporter reporter;
  private final KfpObjectReport report;
  private Referrers<PipelineVersion, Pipeline> versions;

  /** Creates the reconciler over KFP's pipelines, acting as each namespace's identity. */
  public PipelineReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.features = kfp.features();
    this.reporter = reporter;
    this.report = new KfpObjectReport(reporter);
    this.kfpPipeline = new KfpPipelineDependent(kfp, tenancy, settings, this::firstVersionPackage);
    this.workflow =
        new WorkflowBuilder<Pipeline>()
            .addDependentResourceAndConfigure(kfpPipeline)
            .withReconcilePrecondition(new KfpPipelineCreatable(kfpPipeline))
            .withReadyPostcondition(new KfpObjectOwned<>(KfpPipeline::owner))
            .build();
  }

  @Override
  public List<EventSource<?, Pipeline>> prepareEventSources(EventSourceContext<Pipeline> context) {
    versions =
        Referrers.watch(
            PipelineVersion.class,
            Pipeline.class,
            version -> version.getSpec() == null ? null : version.getSpec().getPipeline(),
            context);
    return List.of(kfpPipeline.eventSource(context).orElseThrow(), versions.eventSource());
  }

  @Override
  public UpdateControl<Pipeline> reconcile(Pipeline pipeline, Context<Pipeline> context) {
    PipelineStatus current = StatusUpdates.workingCopy(pipeline, PipelineStatus.class);
    if (ConditionReporter.refusedAtThisGeneration(pipeline, current.getConditions())) {
      return UpdateControl.noUpdate();
    }
    Optional<String> tooLong =
        KfpNameLimit.PIPELINE.problem(OwnerMarks.kfpPipelineName(pipeline, features));
    if (tooLong.isPresent()) {
      PipelineStatus invalid = StatusUpdates.workingCopy(pipeline, PipelineStatus.class);
      invalid.setObservedGeneration(pipeline.getMetadata().getGeneration());
      invalid.setConditions(
          reporter.ready(
              pipeline,
              invalid.getConditions(),
              false,
              Reason.InvalidSpec,
              tooLong.get()
                  + " (made of namespace and name): rename the Pipeline, its metadata.name may have at most "
                  + (KfpNameLimit.PIPELINE.max()
                      - pipeline.getMetadata().getNamespace().length()
                      - 1)
                  + " characters in this namespace"));
      return StatusUpdates.write(pipeline, invalid, Pipeline::new, context);
    }
    Optional<KfpPipeline> before = kfpPipeline.getSecondaryResource(pipeline, context);
    workflow.reconcile(pipeline, context).throwAggregateExceptionIfErrorsPresent();
    Optional<KfpPipeline> inKfp = kfpPipeline.getSecondaryResource(pipeline, context);

    PipelineStatus next = StatusUpdates.workingCopy(pipeline, PipelineStatus.class);
    next.setObservedGeneration(pipeline.getMetadata().getGeneration());
    next.setVersions(versions.namesOf(pipeline));
    List<Condition> conditions = next.getConditions();
    if (inKfp.isEmpty()) {
      conditions =
          reporter.ready(
              pipeline,
              conditions,
              false,
              Reason.Waiting,
              "KFP's v1beta1 API creates a pipeline only together with a package: waiting for a"
                  + " PipelineVersion of this pipeline");
    } else {
      KfpObjectReport.Outcome outcome =
          report.report(
              pipeline,
              conditions,
              current.getPipelineId(),
              new KfpObjectReport.Found(
                  "pipeline",
                  OwnerMarks.kfpPipelineName(pipeline, features),
                  inKfp.get().id(),
                  inKfp.get().owner(),
                  before.isEmpty()));
      next.setPipelineId(outcome.id());
      conditions = outcome.conditions();
    }
    next.setConditions(conditions);
    return StatusUpdates.write(pipeline, next, Pipeline::new, context);
  }

  @Override
  public ErrorStatusUpdateControl<Pipeline> updateErrorStatus(
      Pipeline pipeline, Context<Pipeline> context, Exception error) {
    KfpFailure failure = KfpFailure.of(error);
    PipelineStatus next = StatusUpdates.workingCopy(pipeline, PipelineStatus.class);
    next.setObservedGeneration(pipeline.getMetadata().getGeneration());
    next.setConditions(
        reporter.ready(pipeline, next.getConditions(), false, failure.reason(), failure.message()));
    return StatusUpdates.writeAfterError(
        pipeline, next, Pipeline::new, context, failure.reason().terminal());
  }

  @Override
  public DeleteControl cleanup(Pipeline pipeline, Context<Pipeline> context) {
    List<String> remaining = versions.namesOf(pipeline);
    if (!remaining.isEmpty()) {
      PipelineStatus next = StatusUpdates.workingCopy(pipeline, PipelineStatus.class);
      next.setVersions(remaining);
      next.setConditions(
          reporter.ready(
              pipeline,
              next.getConditions(),
              false,
              Reason.Deleting,
              "Waiting for its PipelineVersions to be deleted first: "
                  + String.join(", ", remaining)));
      return StatusUpdates.writeWhileDeleting(pipeline, next, Pipeline::new, context);
    }
    workflow.cleanup(pipeline, context).throwAggregateExceptionIfErrorsPresent();
    return DeleteControl.defaultDelete();
  }

  /**
   * The upload form of the package of the pipeline's oldest valid PipelineVersion whose format this
   * KFP release keeps (the others are UnsupportedByKfp).
   */
  private Optional<String> firstVersionPackage(Pipeline pipeline) {
    return versions
        .of(pipeline)
        .sorted(
            Comparator.comparing((PipelineVersion v) -> v.getMetadata().getCreationTimestamp())
                .thenComparing(v -> v.getMetadata().getName()))
        .flatMap(
            version -> {
              try {
                return java.util.stream.Stream.of(VersionPackages.of(version));
              } catch (InvalidPackageException invalid) {
                return java.util.stream.Stream.empty();
              }
            })
        .filter(pkg -> features.cannotKeep(pkg.format()).isEmpty())
        .findFirst()
        .map(PipelinePackage::uploadYaml);
  }
}
