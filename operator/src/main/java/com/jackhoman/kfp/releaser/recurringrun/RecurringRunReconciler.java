package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunstatus.LastRuns;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.status.KfpFailure;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.status.StatusUpdates;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.MoreThanStatusChanged;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.Ownership;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.ViewChanged;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a RecurringRun's KFP recurring run scheduled as declared: waits for its PipelineVersion
 * (and Experiment), checks its parameters, lets the workflow create, replace, suspend or delete the
 * KFP recurring run, and reports its ids, recent runs and next fire times.
 */
// Not generation-aware: the adopt annotation changes no generation, yet must be acted on.
@ControllerConfiguration(
    name = RecurringRunReconciler.NAME,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = MoreThanStatusChanged.class))
public final class RecurringRunReconciler
    implements Reconciler<RecurringRun>, Cleaner<RecurringRun> {

  /** The controller's name. */
  public static final String NAME = "recurringrun";

  private final ReferencedObject<PipelineVersion> versions =
      new ReferencedObject<>(
          PipelineVersion.class,
          RecurringRunSpec::getVersionRef,
          RecurringRunReconciler::asSeenByRuns);
  private final ReferencedObject<Experiment> experiments =
      new ReferencedObject<>(
          Experiment.class,
          RecurringRunSpec::getExperimentRef,
          RecurringRunReconciler::asSeenByRuns);
  private final DefaultExperimentDependent defaultExperiment;
  private final KfpRecurringRunDependent kfpRecurringRun;
  private final Workflow<RecurringRun> workflow;
  private final SyncSettings settings;
  private final ConditionReporter reporter;

  /** Creates the reconciler over KFP's recurring runs, acting as each namespace's identity. */
  public RecurringRunReconciler(
      KfpClient kfp, KfpTenancy tenancy, SyncSettings settings, ConditionReporter reporter) {
    this.settings = settings;
    this.reporter = reporter;
    this.defaultExperiment = new DefaultExperimentDependent(kfp, tenancy, settings);
    this.kfpRecurringRun = new KfpRecurringRunDependent(kfp, tenancy, settings, this::desiredInKfp);
    this.workflow =
        new WorkflowBuilder<RecurringRun>()
            .addDependentResourceAndConfigure(versions)
            .withReadyPostcondition(new VersionReady())
            .addDependentResourceAndConfigure(experiments)
            .withReadyPostcondition(new ExperimentReady())
            .addDependentResourceAndConfigure(defaultExperiment)
            .dependsOn(versions)
            .withReadyPostcondition(new DefaultExperimentFound())
            .addDependentResourceAndConfigure(kfpRecurringRun)
            .dependsOn(versions, experiments, defaultExperiment)
            .build();
  }

  @Override
  public List<EventSource<?, RecurringRun>> prepareEventSources(
      EventSourceContext<RecurringRun> context) {
    return List.of(
        versions.informer(context),
        experiments.informer(context),
        defaultExperiment.eventSource(context).orElseThrow(),
        kfpRecurringRun.eventSource(context).orElseThrow());
  }

  @Override
  public UpdateControl<RecurringRun> reconcile(RecurringRun run, Context<RecurringRun> context) {
    RecurringRunStatus current = StatusUpdates.workingCopy(run, RecurringRunStatus.class);
    if (ConditionReporter.refusedAtThisGeneration(run, current.getConditions())) {
      return UpdateControl.noUpdate();
    }
    RecurringRunStatus next = StatusUpdates.workingCopy(run, RecurringRunStatus.class);
    next.setObservedGeneration(run.getMetadata().getGeneration());
    Optional<String> invalid = invalidSpec(run);
    if (invalid.isPresent()) {
      next.setConditions(
          reporter.ready(run, next.getConditions(), false, Reason.InvalidSpec, invalid.get()));
      return StatusUpdates.write(run, next, RecurringRun::new, context);
    }
    Optional<KfpRecurringRunsOf> before = kfpRecurringRun.getSecondaryResource(run, context);
    List<String> awaited =
        workflow.reconcile(run, context).getNotReadyDependents().stream()
            .filter(Prerequisite.class::isInstance)
            .map(node -> ((Prerequisite) node).awaited(run))
            .toList();
    Optional<KfpRecurringRunsOf> inKfp = kfpRecurringRun.getSecondaryResource(run, context);

    List<Condition> conditions = next.getConditions();
    if (!awaited.isEmpty()) {
      conditions =
          reporter.ready(
              run,
              conditions,
              false,
              Reason.Waiting,
              "Waiting for " + String.join(" and ", awaited));
    } else if (inKfp.isEmpty()) {
      conditions =
          reporter.ready(
              run,
              conditions,
              false,
              Reason.Progressing,
              "Creating the KFP recurring run \"" + OwnerMarks.kfpName(run) + "\"");
    } else if (Ownership.of(inKfp.get().current().owner(), run) != Ownership.OURS) {
      report(next, Optional.empty());
      conditions =
          reporter.ready(
              run,
              conditions,
              false,
              Reason.NotOwned,
              Ownership.of(inKfp.get().current().owner(), run)
                  .notOwnedMessage("recurring run", OwnerMarks.kfpName(run)));
    } else {
      KfpRecurringRun scheduled = inKfp.get().current();
      conditions = reporter.drift(run, conditions, drift(current, before, scheduled));
      if (inKfp.get().leftovers().isEmpty()) {
        reporter.duplicatesRemoved(
            run,
            before.stream()
                .flatMap(b -> b.leftovers().stream())
                .map(KfpRecurringRun::id)
                .filter(id -> !id.equals(scheduled.id()))
                .toList(),
            scheduled.id());
      }
      report(next, inKfp);
      conditions =
          scheduled.enabled()
              ? reporter.ready(
                  run,
                  conditions,
                  true,
                  Reason.Synced,
                  "KFP recurring run \""
                      + scheduled.name()
                      + "\" is scheduled (id "
                      + scheduled.id()
                      + ")")
              : reporter.ready(
                  run,
                  conditions,
                  true,
                  Reason.Suspended,
                  "KFP recurring run \""
                      + scheduled.name()
                      + "\" is suspended: disabled in KFP,"
                      + " its id and history kept (id "
                      + scheduled.id()
                      + ")");
    }
    next.setConditions(conditions);
    return StatusUpdates.write(run, next, RecurringRun::new, context);
  }

  @Override
  public ErrorStatusUpdateControl<RecurringRun> updateErrorStatus(
      RecurringRun run, Context<RecurringRun> context, Exception error) {
    KfpFailure failure = KfpFailure.of(error);
    RecurringRunStatus next = StatusUpdates.workingCopy(run, RecurringRunStatus.class);
    next.setObservedGeneration(run.getMetadata().getGeneration());
    next.setConditions(
        reporter.ready(run, next.getConditions(), false, failure.reason(), failure.message()));
    return StatusUpdates.writeAfterError(
        run, next, RecurringRun::new, context, failure.reason().terminal());
  }

  @Override
  public DeleteControl cleanup(RecurringRun run, Context<RecurringRun> context) {
    workflow.cleanup(run, context).throwAggregateExceptionIfErrorsPresent();
    return DeleteControl.defaultDelete();
  }

  /**
   * What a RecurringRun looks at in its PipelineVersion: its spec, readiness, ids and parameters.
   */
  private static List<Object> asSeenByRuns(PipelineVersion version) {
    PipelineVersionStatus status = version.getStatus();
    return status == null
        ? ViewChanged.ofParent(version, null)
        : ViewChanged.ofParent(
            version,
            status.getConditions(),
            status.getId(),
            status.getPipelineId(),
            status.getParameters());
  }

  /** What a RecurringRun looks at in its Experiment: its spec, readiness and id. */
  private static List<Object> asSeenByRuns(Experiment experiment) {
    ExperimentStatus status = experiment.getStatus();
    return status == null
        ? ViewChanged.ofParent(experiment, null)
        : ViewChanged.ofParent(experiment, status.getConditions(), status.getExperimentId());
  }

  /** Why the spec cannot work with the version it names, checked before any KFP call. */
  private Optional<String> invalidSpec(RecurringRun run) {
    Optional<PipelineVersion> version = versions.of(run);
    try {
      if (version.isPresent()) {
        DesiredRecurringRun.of(run, version.get());
      }
      return Optional.empty();
    } catch (InvalidRunSpec invalid) {
      return Optional.of(invalid.getMessage());
    }
  }

  /** The KFP recurring run {@code run} asks for; called once its prerequisites are Ready. */
  private KfpRecurringRun desiredInKfp(RecurringRun run, Context<RecurringRun> context) {
    String experimentId =
        run.getSpec().getExperimentRef() == null
            ? defaultExperiment.getSecondaryResource(run, context).orElseThrow().id()
            : experiments.of(run).orElseThrow().getStatus().getExperimentId();
    try {
      return DesiredRecurringRun.of(run, versions.of(run).orElseThrow()).inExperiment(experimentId);
    } catch (InvalidRunSpec checkedBeforeTheWorkflow) {
      throw new IllegalStateException(checkedBeforeTheWorkflow);
    }
  }

  /** The repair to report when the KFP recurring run was found deleted and created again. */
  private static Optional<String> drift(
      RecurringRunStatus current, Optional<KfpRecurringRunsOf> before, KfpRecurringRun now) {
    return before.isEmpty() && current.getId() != null && !current.getId().equals(now.id())
        ? Optional.of(
            "KFP recurring run "
                + current.getId()
                + " was deleted outside kfp-releaser; created it again as "
                + now.id())
        : Optional.empty();
  }

  /**
   * Writes the KFP side into {@code status}; clears it when there is nothing of ours (with empty
   * lists, not nulls: a status merge patch leaves out nulls and would keep the old lists).
   */
  private void report(RecurringRunStatus status, Optional<KfpRecurringRunsOf> inKfp) {
    Optional<KfpRecurringRun> scheduled = inKfp.map(KfpRecurringRunsOf::current);
    status.setId(scheduled.map(KfpRecurringRun::id).orElse(null));
    status.setPipelineId(scheduled.map(KfpRecurringRun::pipelineId).orElse(null));
    status.setVersionId(scheduled.map(KfpRecurringRun::pipelineVersionId).orElse(null));
    status.setExperimentId(scheduled.map(KfpRecurringRun::experimentId).orElse(null));
    List<String> previousIds =
        inKfp.stream().flatMap(k -> k.leftovers().stream()).map(KfpRecurringRun::id).toList();
    status.setPreviousIds(previousIds);
    List<KfpRun> recentRuns = inKfp.map(KfpRecurringRunsOf::recentRuns).orElse(List.of());
    status.setLastRuns(recentRuns.stream().map(this::lastRun).toList());
    status.setNextRunTimes(
        scheduled
            .map(r -> NextRunTimes.of(r, recentRuns, settings.clock().instant()))
            .orElse(List.of()));
  }

  private LastRuns lastRun(KfpRun run) {
    LastRuns lastRun = new LastRuns();
    lastRun.setId(run.id());
    lastRun.setState(run.state().name());
    lastRun.setStartedAt(utc(run.createdAt()));
    lastRun.setFinishedAt(run.finishedAt().map(RecurringRunReconciler::utc).orElse(null));
    return lastRun;
  }

  private static ZonedDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
  }
}
