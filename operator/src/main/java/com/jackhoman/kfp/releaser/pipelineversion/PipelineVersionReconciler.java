package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpNameLimit;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
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
import com.jackhoman.kfp.releaser.sync.Referrers;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
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
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a PipelineVersion's package uploaded to its Pipeline's KFP pipeline: judges the package,
 * waits for the Pipeline, uploads once, and deletes the KFP version only once no RecurringRun of it
 * is left.
 */
// Not generation-aware: the adopt annotation changes no generation, yet must be acted on.
@ControllerConfiguration(
    name = PipelineVersionReconciler.NAME,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = MoreThanStatusChanged.class))
public final class PipelineVersionReconciler
    implements Reconciler<PipelineVersion>, Cleaner<PipelineVersion> {

  /** The controller's name. */
  public static final String NAME = "pipelineversion";

  private final KfpFeatures features;
  private final ParentPipelineDependent parent = new ParentPipelineDependent();
  private final KfpPipelineVersionDependent kfpVersion;
  private final Workflow<PipelineVersion> workflow;
  private final ConditionReporter reporter;
  private final KfpObjectReport report;
  private Referrers<RecurringRun, PipelineVersion> recurringRuns;

  /** Creates the reconciler over KFP's pipeline versions, acting as each namespace's identity. */
  public PipelineVersionReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.features = kfp.features();
    this.reporter = reporter;
    this.report = new KfpObjectReport(reporter);
    this.kfpVersion = new KfpPipelineVersionDependent(kfp, tenancy, settings, parent::pipelineId);
    this.workflow =
        new WorkflowBuilder<PipelineVersion>()
            .addDependentResourceAndConfigure(parent)
            .withReadyPostcondition(new ParentPipelineReady())
            .addDependentResourceAndConfigure(kfpVersion)
            .dependsOn(parent)
            .withReadyPostcondition(new KfpObjectOwned<>(KfpPipelineVersion::owner))
            .build();
  }

  @Override
  public List<EventSource<?, PipelineVersion>> prepareEventSources(
      EventSourceContext<PipelineVersion> context) {
    recurringRuns =
        Referrers.watch(
            RecurringRun.class,
            PipelineVersion.class,
            run -> run.getSpec() == null ? null : run.getSpec().getVersionRef(),
            context);
    return List.of(
        parent.eventSource(context).orElseThrow(),
        kfpVersion.eventSource(context).orElseThrow(),
        recurringRuns.eventSource());
  }

  @Override
  public UpdateControl<PipelineVersion> reconcile(
      PipelineVersion version, Context<PipelineVersion> context) {
    PipelineVersionStatus current = StatusUpdates.workingCopy(version, PipelineVersionStatus.class);
    if (ConditionReporter.refusedAtThisGeneration(version, current.getConditions())) {
      return UpdateControl.noUpdate();
    }
    PipelineVersionStatus next = StatusUpdates.workingCopy(version, PipelineVersionStatus.class);
    next.setObservedGeneration(version.getMetadata().getGeneration());
    next.setName(version.getMetadata().getName());
    Optional<String> tooLong =
        KfpNameLimit.PIPELINE_VERSION.problem(version.getMetadata().getName());
    if (tooLong.isPresent()) {
      return invalidSpec(
          version,
          next,
          tooLong.get()
              + ": create the PipelineVersion again with a metadata.name of at most "
              + KfpNameLimit.PIPELINE_VERSION.max()
              + " characters",
          context);
    }
    PipelinePackage pkg;
    try {
      pkg = VersionPackages.of(version);
    } catch (InvalidPackageException invalid) {
      return invalidSpec(
          version,
          next,
          "KFP would refuse the package in spec.workflow: "
              + invalid.getMessage()
              + ". Create a new PipelineVersion with a valid package",
          context);
    }
    next.setFormat(pkg.format().displayName());
    next.setSpecHash(pkg.specHash());
    next.setParameters(DeclaredInputs.of(pkg));
    Optional<String> unkept = features.cannotKeep(pkg.format());
    if (unkept.isPresent()) {
      next.setConditions(
          reporter.ready(
              version, next.getConditions(), false, Reason.UnsupportedByKfp, unkept.get()));
      return StatusUpdates.write(version, next, PipelineVersion::new, context);
    }

    Optional<KfpPipelineVersion> before = kfpVersion.getSecondaryResource(version, context);
    WorkflowReconcileResult result = workflow.reconcile(version, context);
    result.throwAggregateExceptionIfErrorsPresent();
    if (result.getNotReadyDependents().contains(parent)) {
      next.setConditions(
          reporter.ready(
              version, next.getConditions(), false, Reason.Waiting, waitingMessage(version)));
    } else {
      KfpPipelineVersion inKfp = kfpVersion.getSecondaryResource(version, context).orElseThrow();
      KfpObjectReport.Outcome outcome =
          report.report(
              version,
              next.getConditions(),
              current.getId(),
              new KfpObjectReport.Found(
                  "pipeline version", inKfp.name(), inKfp.id(), inKfp.owner(), before.isEmpty()));
      next.setId(outcome.id());
      next.setPipelineId(parent.pipelineId(version).orElseThrow());
      next.setConditions(outcome.conditions());
    }
    return StatusUpdates.write(version, next, PipelineVersion::new, context);
  }

  @Override
  public ErrorStatusUpdateControl<PipelineVersion> updateErrorStatus(
      PipelineVersion version, Context<PipelineVersion> context, Exception error) {
    KfpFailure failure = KfpFailure.of(error);
    PipelineVersionStatus next = StatusUpdates.workingCopy(version, PipelineVersionStatus.class);
    next.setObservedGeneration(version.getMetadata().getGeneration());
    next.setConditions(
        reporter.ready(version, next.getConditions(), false, failure.reason(), failure.message()));
    return StatusUpdates.writeAfterError(
        version, next, PipelineVersion::new, context, failure.reason().terminal());
  }

  @Override
  public DeleteControl cleanup(PipelineVersion version, Context<PipelineVersion> context) {
    List<String> runs = recurringRuns.namesOf(version);
    if (!runs.isEmpty()) {
      PipelineVersionStatus next = StatusUpdates.workingCopy(version, PipelineVersionStatus.class);
      next.setConditions(
          reporter.ready(
              version,
              next.getConditions(),
              false,
              Reason.Deleting,
              "Waiting for its RecurringRuns to be deleted first: " + String.join(", ", runs)));
      return StatusUpdates.writeWhileDeleting(version, next, PipelineVersion::new, context);
    }
    workflow.cleanup(version, context).throwAggregateExceptionIfErrorsPresent();
    return DeleteControl.defaultDelete();
  }

  /** Sets {@code Ready=False, reason=InvalidSpec} with {@code message}; no KFP call is made. */
  private UpdateControl<PipelineVersion> invalidSpec(
      PipelineVersion version,
      PipelineVersionStatus next,
      String message,
      Context<PipelineVersion> context) {
    next.setConditions(
        reporter.ready(version, next.getConditions(), false, Reason.InvalidSpec, message));
    return StatusUpdates.write(version, next, PipelineVersion::new, context);
  }

  private String waitingMessage(PipelineVersion version) {
    String pipeline = "Pipeline \"" + version.getSpec().getPipeline() + "\"";
    Optional<Pipeline> parentPipeline = parent.of(version);
    if (parentPipeline.isEmpty()) {
      return "Waiting for "
          + pipeline
          + " to be Ready (no Pipeline of that name exists in this namespace yet)";
    }
    if (parentPipeline.get().isMarkedForDeletion()) {
      return pipeline
          + " is being deleted and waits for its PipelineVersions, this one included, to go"
          + " first: delete this PipelineVersion too, or create the Pipeline again once it is gone";
    }
    return "Waiting for " + pipeline + " to be Ready";
  }
}
