package com.jackhoman.kfp.releaser.experiment;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.controller.ControllerSkeleton;
import com.jackhoman.kfp.releaser.controller.StatusFields;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.KfpObjectOwned;
import com.jackhoman.kfp.releaser.sync.events.Referrers;
import com.jackhoman.kfp.releaser.sync.ownership.KfpObjectReport;
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

/** Keeps an Experiment's KFP experiment in place: creates it, reports it, and deletes it. */
@ControllerConfiguration(name = ExperimentReconciler.NAME)
public final class ExperimentReconciler implements Reconciler<Experiment>, Cleaner<Experiment> {

  /** The controller's name. */
  public static final String NAME = "experiment";

  private final KfpExperimentDependent kfpExperiment;
  private final Workflow<Experiment> workflow;
  private final ControllerSkeleton<Experiment, ExperimentStatus> skeleton;
  private final KfpObjectReport report;
  private Referrers<RecurringRun, Experiment> recurringRuns;

  /** Creates the reconciler over KFP's experiments, acting as each namespace's identity. */
  public ExperimentReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.skeleton =
        new ControllerSkeleton<>(
            reporter, StatusFields.of(ExperimentStatus.class), Experiment::new);
    this.report = new KfpObjectReport(reporter);
    this.kfpExperiment = new KfpExperimentDependent(kfp, tenancy, settings);
    this.workflow =
        new WorkflowBuilder<Experiment>()
            .addDependentResourceAndConfigure(kfpExperiment)
            .withReadyPostcondition(new KfpObjectOwned<>(KfpExperiment::owner))
            .build();
  }

  @Override
  public List<EventSource<?, Experiment>> prepareEventSources(
      EventSourceContext<Experiment> context) {
    recurringRuns =
        Referrers.watchForDeletion(
            RecurringRun.class,
            Experiment.class,
            run -> run.getSpec() == null ? null : run.getSpec().getExperimentRef(),
            context);
    return List.of(kfpExperiment.eventSource(context).orElseThrow(), recurringRuns.eventSource());
  }

  @Override
  public UpdateControl<Experiment> reconcile(Experiment experiment, Context<Experiment> context) {
    return skeleton.reconcile(
        experiment,
        context,
        pass -> {
          Optional<KfpExperiment> before = kfpExperiment.getSecondaryResource(experiment, context);
          workflow.reconcile(experiment, context);
          KfpExperiment inKfp =
              kfpExperiment.getSecondaryResource(experiment, context).orElseThrow();

          pass.next()
              .setExperimentId(
                  pass.reported(
                      report,
                      pass.current().getExperimentId(),
                      new KfpObjectReport.Found(
                          "experiment",
                          inKfp.name(),
                          inKfp.id(),
                          inKfp.owner(),
                          before.isEmpty())));
          return pass.write();
        });
  }

  @Override
  public ErrorStatusUpdateControl<Experiment> updateErrorStatus(
      Experiment experiment, Context<Experiment> context, Exception error) {
    return skeleton.error(experiment, context, error);
  }

  @Override
  public DeleteControl cleanup(Experiment experiment, Context<Experiment> context) {
    return skeleton.cleanup(
        experiment,
        context,
        workflow,
        recurringRuns.namesOf(experiment),
        "the RecurringRuns filed under it");
  }
}
