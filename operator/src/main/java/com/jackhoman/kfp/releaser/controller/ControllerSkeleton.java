package com.jackhoman.kfp.releaser.controller;

import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.status.KfpFailure;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.status.StatusUpdates;
import com.jackhoman.kfp.releaser.sync.ownership.KfpObjectReport;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Workflow;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the four reconcilers share, used by composition: the guard that leaves an object refused at
 * its generation alone, one status working copy per reconcile ({@link Pass}), the invalid-spec
 * path, the error status, and the cleanup that waits for the objects that use this one.
 *
 * @param <P> the kind
 * @param <S> its status
 */
public final class ControllerSkeleton<P extends CustomResource<?, S>, S> {

  private final ConditionReporter reporter;
  private final StatusFields<S> fields;
  private final Supplier<P> blank;

  /**
   * The skeleton of one kind.
   *
   * @param blank makes an empty object of the kind, for status writes
   */
  public ControllerSkeleton(ConditionReporter reporter, StatusFields<S> fields, Supplier<P> blank) {
    this.reporter = reporter;
    this.fields = fields;
    this.blank = blank;
  }

  /** A pass over {@code object}, unless its spec was refused for good at this generation. */
  private Optional<Pass> begin(P object, Context<P> context) {
    S current = StatusUpdates.workingCopy(object, fields.type());
    if (ConditionReporter.refusedAtThisGeneration(object, fields.conditions(current))) {
      return Optional.empty();
    }
    return Optional.of(new Pass(object, context, current));
  }

  /**
   * Reconciles {@code object} through {@code steps}, with a fresh {@link Pass}; leaves it alone
   * when its spec was refused for good at this generation.
   */
  public UpdateControl<P> reconcile(
      P object, Context<P> context, Function<Pass, UpdateControl<P>> steps) {
    return begin(object, context).map(steps).orElseGet(UpdateControl::noUpdate);
  }

  /** The status after a failed reconcile: Ready=False with the reason and what to do. */
  public ErrorStatusUpdateControl<P> error(P object, Context<P> context, Exception error) {
    KfpFailure failure = KfpFailure.of(error);
    Pass pass = new Pass(object, context, StatusUpdates.workingCopy(object, fields.type()));
    pass.ready(false, failure.reason(), failure.message());
    return StatusUpdates.writeAfterError(
        object, pass.next, blank, context, failure.reason().terminal());
  }

  /**
   * Cleans up as {@code object} goes: while objects still use it ({@code users}, by name), says so
   * and keeps the finalizer; then lets the workflow delete its KFP object.
   *
   * @param usersKind what the users are, for the message ("its PipelineVersions")
   * @param showUsers writes the users into the status, or does nothing
   */
  public DeleteControl cleanup(
      P object,
      Context<P> context,
      Workflow<P> workflow,
      List<String> users,
      String usersKind,
      BiConsumer<S, List<String>> showUsers) {
    if (!users.isEmpty()) {
      S next = StatusUpdates.workingCopy(object, fields.type());
      showUsers.accept(next, users);
      fields.setConditions(
          next,
          reporter.ready(
              object,
              fields.conditions(next),
              false,
              Reason.Deleting,
              "Waiting for " + usersKind + " to be deleted first: " + String.join(", ", users)));
      return StatusUpdates.writeWhileDeleting(object, next, blank, context);
    }
    workflow.cleanup(object, context).throwAggregateExceptionIfErrorsPresent();
    return DeleteControl.defaultDelete();
  }

  /**
   * {@link #cleanup(CustomResource, Context, Workflow, List, String, BiConsumer)}, users unshown.
   */
  public DeleteControl cleanup(
      P object, Context<P> context, Workflow<P> workflow, List<String> users, String usersKind) {
    return cleanup(object, context, workflow, users, usersKind, (status, none) -> {});
  }

  private static List<String> awaited(WorkflowReconcileResult result) {
    return result.getNotReadyDependents().stream()
        .flatMap(node -> result.getNotReadyDependentResult(node, String.class).stream())
        .toList();
  }

  /** One reconcile's view of the object: the status as read, and the next one being worked out. */
  public final class Pass {

    private final P object;
    private final Context<P> context;
    private final S current;
    private final S next;

    private Pass(P object, Context<P> context, S current) {
      this.object = object;
      this.context = context;
      this.current = current;
      this.next = StatusUpdates.workingCopy(object, fields.type());
      fields.setObservedGeneration(next, object.getMetadata().getGeneration());
    }

    /** The status as the reconcile found it. */
    public S current() {
      return current;
    }

    /** The next status, to fill in. */
    public S next() {
      return next;
    }

    /** The next status's conditions. */
    public List<Condition> conditions() {
      return fields.conditions(next);
    }

    /** Sets the next status's conditions. */
    public Pass conditions(List<Condition> conditions) {
      fields.setConditions(next, conditions);
      return this;
    }

    /** Sets the Ready condition (recording the event a change of it makes). */
    public Pass ready(boolean ready, Reason reason, String message) {
      return conditions(reporter.ready(object, conditions(), ready, reason, message));
    }

    /** Writes the next status, if it differs. */
    public UpdateControl<P> write() {
      return StatusUpdates.write(object, next, blank, context);
    }

    /**
     * Ready=False, reason Waiting, saying what the workflow's nodes that are not ready wait for (as
     * their conditions detail it), written; empty when nothing is awaited.
     */
    public Optional<UpdateControl<P>> waitingFor(WorkflowReconcileResult result) {
      List<String> awaited = awaited(result);
      return awaited.isEmpty()
          ? Optional.empty()
          : Optional.of(
              ready(false, Reason.Waiting, "Waiting for " + String.join(" and ", awaited)).write());
    }

    /**
     * Reports the KFP object found ({@code found}) against the id the status showed ({@code
     * shownId}): sets the conditions, and returns the id the status shows next.
     */
    public String reported(KfpObjectReport report, String shownId, KfpObjectReport.Found found) {
      KfpObjectReport.Outcome outcome = report.report(object, conditions(), shownId, found);
      conditions(outcome.conditions());
      return outcome.id();
    }

    /** Ready=False, reason InvalidSpec with {@code message}, written; no KFP call is made. */
    public UpdateControl<P> invalid(String message) {
      return ready(false, Reason.InvalidSpec, message).write();
    }
  }
}
