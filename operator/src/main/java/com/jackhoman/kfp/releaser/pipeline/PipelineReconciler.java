package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineStatus;
import com.jackhoman.kfp.releaser.controller.ControllerSkeleton;
import com.jackhoman.kfp.releaser.controller.StatusFields;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpNameLimit;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.KfpObjectOwned;
import com.jackhoman.kfp.releaser.sync.ownership.KfpObjectReport;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
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
 * Keeps a Pipeline's KFP pipeline in place: creates it (where KFP needs a package for that, once a
 * PipelineVersion brings one), reports it, and deletes it only once no PipelineVersion is left.
 */
@ControllerConfiguration(name = PipelineReconciler.NAME)
public final class PipelineReconciler implements Reconciler<Pipeline>, Cleaner<Pipeline> {

  /** The controller's name. */
  public static final String NAME = "pipeline";

  private final KfpFeatures features;
  private final FirstVersionPackage firstPackage;
  private final KfpPipelineDependent kfpPipeline;
  private final Workflow<Pipeline> workflow;
  private final ControllerSkeleton<Pipeline, PipelineStatus> skeleton;
  private final KfpObjectReport report;

  /** Creates the reconciler over KFP's pipelines, acting as each namespace's identity. */
  public PipelineReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.features = kfp.features();
    this.skeleton =
        new ControllerSkeleton<>(reporter, StatusFields.of(PipelineStatus.class), Pipeline::new);
    this.report = new KfpObjectReport(reporter);
    this.firstPackage = new FirstVersionPackage(features, !kfp.pipelines().createsWithoutPackage());
    this.kfpPipeline = new KfpPipelineDependent(kfp, tenancy, settings, firstPackage);
    this.workflow =
        new WorkflowBuilder<Pipeline>()
            .addDependentResourceAndConfigure(firstPackage)
            .withReadyPostcondition(firstPackage.ready())
            .addDependentResourceAndConfigure(kfpPipeline)
            .dependsOn(firstPackage)
            .withReadyPostcondition(new KfpObjectOwned<>(KfpPipeline::owner))
            .build();
  }

  @Override
  public List<EventSource<?, Pipeline>> prepareEventSources(EventSourceContext<Pipeline> context) {
    return List.of(kfpPipeline.eventSource(context).orElseThrow(), firstPackage.watch(context));
  }

  @Override
  public UpdateControl<Pipeline> reconcile(Pipeline pipeline, Context<Pipeline> context) {
    return skeleton.reconcile(
        pipeline,
        context,
        pass -> {
          String kfpName = OwnerMarks.kfpPipelineName(pipeline, features);
          Optional<String> tooLong = KfpNameLimit.PIPELINE.problem(kfpName);
          if (tooLong.isPresent()) {
            int room =
                KfpNameLimit.PIPELINE.max() - pipeline.getMetadata().getNamespace().length() - 1;
            return pass.invalid(
                tooLong.get()
                    + " (made of namespace and name): rename the Pipeline, its metadata.name may have"
                    + " at most "
                    + room
                    + " characters in this namespace");
          }
          Optional<KfpPipeline> before = kfpPipeline.getSecondaryResource(pipeline, context);
          WorkflowReconcileResult result = workflow.reconcile(pipeline, context);
          result.throwAggregateExceptionIfErrorsPresent();
          pass.next().setVersions(firstPackage.versionNames(pipeline));
          Optional<UpdateControl<Pipeline>> waiting = pass.waitingFor(result);
          if (waiting.isPresent()) {
            return waiting.get();
          }
          KfpPipeline inKfp = kfpPipeline.getSecondaryResource(pipeline, context).orElseThrow();
          pass.next()
              .setPipelineId(
                  pass.reported(
                      report,
                      pass.current().getPipelineId(),
                      new KfpObjectReport.Found(
                          "pipeline", kfpName, inKfp.id(), inKfp.owner(), before.isEmpty())));
          return pass.write();
        });
  }

  @Override
  public ErrorStatusUpdateControl<Pipeline> updateErrorStatus(
      Pipeline pipeline, Context<Pipeline> context, Exception error) {
    return skeleton.error(pipeline, context, error);
  }

  @Override
  public DeleteControl cleanup(Pipeline pipeline, Context<Pipeline> context) {
    List<String> versions = firstPackage.versionNames(pipeline);
    return skeleton.cleanup(
        pipeline, context, workflow, versions, "its PipelineVersions", PipelineStatus::setVersions);
  }
}
