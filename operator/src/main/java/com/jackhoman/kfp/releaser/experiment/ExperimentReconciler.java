package com.jackhoman.kfp.releaser.experiment;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
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
import java.util.List;
import java.util.Optional;

/** Keeps an Experiment's KFP experiment in place: creates it, reports it, and deletes it. */
// Not generation-aware: the adopt annotation changes no generation, yet must be acted on.
@ControllerConfiguration(
    name = ExperimentReconciler.NAME,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = MoreThanStatusChanged.class))
public final class ExperimentReconciler implements Reconciler<Experiment>, Cleaner<Experiment> {

  /** The controller's name. */
  public static final String NAME = "experiment";

  private final KfpExperimentDependent kfpExperiment;
  private final Workflow<Experiment> workflow;
  private final ConditionReporter reporter;
  private final KfpObjectReport report;
  private Referrers<RecurringRun, Experiment> recurringRuns;

  /** Creates the reconciler over KFP's experiments, acting as each namespace's identity. */
  public ExperimentReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.reporter = reporter;
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
        Referrers.watch(
            RecurringRun.class,
            Experiment.class,
            run -> run.getSpec() == null ? null : run.getSpec().getExperimentRef(),
            context);
    return List.of(kfpExperiment.eventSource(context).orElseThrow(), recurringRuns.eventSource());
  }

  @Override
  public UpdateControl<Experiment> reconcile(Experiment experiment, Context<Experiment> context) {
    ExperimentStatus current = StatusUpdates.workingCopy(experiment, ExperimentStatus.class);
    if (ConditionReporter.refusedAtThisGeneration(experiment, current.getConditions())) {
      return UpdateControl.noUpdate();
    }
    Optional<KfpExperiment> before = kfpExperiment.getSecondaryResource(experiment, context);
    workflow.reconcile(experiment, context).throwAggregateExceptionIfErrorsPresent();
    KfpExperiment inKfp = kfpExperiment.getSecondaryResource(experiment, context).orElseThrow();

    ExperimentStatus next = StatusUpdates.workingCopy(experiment, ExperimentStatus.class);
    next.setObservedGeneration(experiment.getMetadata().getGeneration());
    KfpObjectReport.Outcome outcome =
        report.report(
            experiment,
            next.getConditions(),
            current.getExperimentId(),
            new KfpObjectReport.Found(
                "experiment", inKfp.name(), inKfp.id(), inKfp.owner(), before.isEmpty()));
    next.setExperimentId(outcome.id());
    next.setConditions(outcome.conditions());
    return StatusUpdates.write(experiment, next, Experiment::new, context);
  }

  @Override
  public ErrorStatusUpdateControl<Experiment> updateErrorStatus(
      Experiment experiment, Context<Experiment> context, Exception error) {
    KfpFailure failure = KfpFailure.of(error);
    ExperimentStatus next = StatusUpdates.workingCopy(experiment, ExperimentStatus.class);
    next.setObservedGeneration(experiment.getMetadata().getGeneration());
    next.setConditions(
        reporter.ready(
            experiment, next.getConditions(), false, failure.reason(), failure.message()));
    return StatusUpdates.writeAfterError(
        experiment, next, Experiment::new, context, failure.reason().terminal());
  }

  @Override
  public DeleteControl cleanup(Experiment experiment, Context<Experiment> context) {
    List<String> runs = recurringRuns.namesOf(experiment);
    if (!runs.isEmpty()) {
      ExperimentStatus next = StatusUpdates.workingCopy(experiment, ExperimentStatus.class);
      next.setConditions(
          reporter.ready(
              experiment,
              next.getConditions(),
              false,
              Reason.Deleting,
              "Waiting for the RecurringRuns filed under it to be deleted first: "
                  + String.join(", ", runs)));
      return StatusUpdates.writeWhileDeleting(experiment, next, Experiment::new, context);
    }
    workflow.cleanup(experiment, context).throwAggregateExceptionIfErrorsPresent();
    return DeleteControl.defaultDelete();
  }
}
