package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.controller.ControllerSkeleton;
import com.jackhoman.kfp.releaser.controller.StatusFields;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.KfpObjectOwned;
import com.jackhoman.kfp.releaser.sync.dependents.ReadOnlyParent;
import com.jackhoman.kfp.releaser.sync.events.Referrers;
import com.jackhoman.kfp.releaser.sync.ownership.KfpObjectReport;
import io.javaoperatorsdk.operator.api.reconciler.*;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowBuilder;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a PipelineVersion's package uploaded to its Pipeline's KFP pipeline: judges the package,
 * waits for the Pipeline, uploads once, and deletes the KFP version only once no RecurringRun of it
 * is left.
 */
@ControllerConfiguration(name = PipelineVersionReconciler.NAME)
public final class PipelineVersionReconciler
    implements Reconciler<PipelineVersion>, Cleaner<PipelineVersion> {

  /** The controller's name. */
  public static final String NAME = "pipelineversion";

  private final VersionJudge judge;
  private final ReadOnlyParent<Pipeline, PipelineVersion> parent = ParentPipeline.node();
  private final KfpPipelineVersionDependent kfpVersion;
  private final Workflow<PipelineVersion> workflow;
  private final ControllerSkeleton<PipelineVersion, PipelineVersionStatus> skeleton;
  private final KfpObjectReport report;
  private Referrers<RecurringRun, PipelineVersion> recurringRuns;

  /** Creates the reconciler over KFP's pipeline versions, acting as each namespace's identity. */
  public PipelineVersionReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.judge = new VersionJudge(kfp.features());
    this.skeleton =
        new ControllerSkeleton<>(
            reporter, StatusFields.of(PipelineVersionStatus.class), PipelineVersion::new);
    this.report = new KfpObjectReport(reporter);
    this.kfpVersion = new KfpPipelineVersionDependent(kfp, tenancy, settings, parent::kfpId);
    this.workflow =
        new WorkflowBuilder<PipelineVersion>()
            .addDependentResourceAndConfigure(parent)
            .withReadyPostcondition(parent.ready())
            .addDependentResourceAndConfigure(kfpVersion)
            .dependsOn(parent)
            .withReadyPostcondition(new KfpObjectOwned<>(KfpPipelineVersion::owner))
            .build();
  }

  @Override
  public List<EventSource<?, PipelineVersion>> prepareEventSources(
      EventSourceContext<PipelineVersion> context) {
    recurringRuns =
        Referrers.watchForDeletion(
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
    return skeleton.reconcile(
        version,
        context,
        pass -> {
          pass.next().setName(version.getMetadata().getName());
          Optional<VersionJudge.Refusal> refused = judge.judge(version, pass.next());
          if (refused.isPresent()) {
            return pass.ready(false, refused.get().reason(), refused.get().message()).write();
          }
          Optional<KfpPipelineVersion> before = kfpVersion.getSecondaryResource(version, context);
          var waiting = pass.waitingFor(workflow.reconcile(version, context));
          if (waiting.isPresent()) {
            return waiting.get();
          }
          KfpPipelineVersion inKfp = kfpVersion.getSecondaryResource(version, context).get();
          pass.next()
              .setId(
                  pass.reported(
                      report,
                      pass.current().getId(),
                      new KfpObjectReport.Found(
                          "pipeline version",
                          inKfp.name(),
                          inKfp.id(),
                          inKfp.owner(),
                          before.isEmpty())));
          pass.next().setPipelineId(parent.kfpId(version).orElseThrow());
          return pass.write();
        });
  }

  @Override
  public ErrorStatusUpdateControl<PipelineVersion> updateErrorStatus(
      PipelineVersion version, Context<PipelineVersion> context, Exception error) {
    return skeleton.error(version, context, error);
  }

  @Override
  public DeleteControl cleanup(PipelineVersion version, Context<PipelineVersion> context) {
    return skeleton.cleanup(
        version, context, workflow, recurringRuns.namesOf(version), "its RecurringRuns");
  }
}
