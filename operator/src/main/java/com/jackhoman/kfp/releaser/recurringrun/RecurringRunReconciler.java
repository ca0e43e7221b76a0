package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunStatus;
import com.jackhoman.kfp.releaser.controller.ControllerSkeleton;
import com.jackhoman.kfp.releaser.controller.StatusFields;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.ReadOnlyParent;
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
import java.util.List;
import java.util.Optional;

/**
 * Keeps a RecurringRun's KFP recurring run scheduled as declared: waits for its PipelineVersion
 * (and Experiment), checks its parameters, lets the workflow create, replace, suspend or delete the
 * KFP recurring run, and reports it.
 */
@ControllerConfiguration(name = RecurringRunReconciler.NAME)
public final class RecurringRunReconciler
    implements Reconciler<RecurringRun>, Cleaner<RecurringRun> {

  /** The controller's name. */
  public static final String NAME = "recurringrun";

  private final ReadOnlyParent<PipelineVersion, RecurringRun> version =
      RecurringRunParents.version();
  private final ReadOnlyParent<Experiment, RecurringRun> experiment =
      RecurringRunParents.experiment();
  private final DefaultExperimentDependent defaultExperiment;
  private final KfpRecurringRunDependent kfpRecurringRun;
  private final Workflow<RecurringRun> workflow;
  private final ControllerSkeleton<RecurringRun, RecurringRunStatus> skeleton;
  private final RecurringRunReport report;

  /** Creates the reconciler over KFP's recurring runs, acting as each namespace's identity. */
  public RecurringRunReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.skeleton =
        new ControllerSkeleton<>(
            reporter, StatusFields.of(RecurringRunStatus.class), RecurringRun::new);
    this.report = new RecurringRunReport(reporter, settings.clock());
    this.defaultExperiment = new DefaultExperimentDependent(kfp, tenancy, settings);
    this.kfpRecurringRun = new KfpRecurringRunDependent(kfp, tenancy, settings, this::desired);
    this.workflow =
        new WorkflowBuilder<RecurringRun>()
            .addDependentResourceAndConfigure(version)
            .withReadyPostcondition(version.ready())
            .addDependentResourceAndConfigure(experiment)
            .withReadyPostcondition(experiment.ready())
            .addDependentResourceAndConfigure(defaultExperiment)
            .dependsOn(version)
            .withReadyPostcondition(defaultExperiment.found())
            .addDependentResourceAndConfigure(kfpRecurringRun)
            .dependsOn(version, experiment, defaultExperiment)
            .build();
  }

  @Override
  public List<EventSource<?, RecurringRun>> prepareEventSources(
      EventSourceContext<RecurringRun> context) {
    return List.of(
        version.eventSource(context).orElseThrow(),
        experiment.eventSource(context).orElseThrow(),
        defaultExperiment.eventSource(context).orElseThrow(),
        kfpRecurringRun.eventSource(context).orElseThrow());
  }

  @Override
  public UpdateControl<RecurringRun> reconcile(RecurringRun run, Context<RecurringRun> context) {
    return skeleton.reconcile(
        run,
        context,
        pass -> {
          Optional<PipelineVersion> named = version.of(run);
          try {
            if (named.isPresent()) {
              DesiredRecurringRun.of(run, named.get());
            }
          } catch (InvalidRunSpec invalid) {
            return pass.invalid(invalid.getMessage());
          }
          Optional<KfpRecurringRunsOf> before = kfpRecurringRun.getSecondaryResource(run, context);
          Optional<UpdateControl<RecurringRun>> waiting =
              pass.waitingFor(workflow.reconcile(run, context));
          if (waiting.isPresent()) {
            return waiting.get();
          }
          Optional<KfpRecurringRunsOf> inKfp = kfpRecurringRun.getSecondaryResource(run, context);
          return pass.conditions(report.report(run, pass.current(), pass.next(), before, inKfp))
              .write();
        });
  }

  @Override
  public ErrorStatusUpdateControl<RecurringRun> updateErrorStatus(
      RecurringRun run, Context<RecurringRun> context, Exception error) {
    return skeleton.error(run, context, error);
  }

  @Override
  public DeleteControl cleanup(RecurringRun run, Context<RecurringRun> context) {
    return skeleton.cleanup(run, context, workflow, List.of(), "");
  }

  /** The KFP recurring run {@code run} asks for; called once its prerequisites are Ready. */
  private KfpRecurringRun desired(RecurringRun run, Context<RecurringRun> context) {
    String experimentId =
        run.getSpec().getExperimentRef() == null
            ? defaultExperiment.getSecondaryResource(run, context).orElseThrow().id()
            : experiment.kfpId(run).orElseThrow();
    try {
      return DesiredRecurringRun.of(run, version.of(run).orElseThrow()).inExperiment(experimentId);
    } catch (InvalidRunSpec checkedBeforeTheWorkflow) {
      throw new IllegalStateException(checkedBeforeTheWorkflow);
    }
  }
}
