package com.jackhoman.kfp.releaser.sync.dependents;

import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import com.jackhoman.kfp.releaser.sync.events.ViewChanged;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.DetailedCondition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSourceStartPriority;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A read-only workflow node: the object of ours another one names in its spec (a PipelineVersion's
 * Pipeline, a RecurringRun's PipelineVersion or Experiment), never written. Its informer queues the
 * objects naming it when what they look at in it changes, so they proceed the moment it turns
 * Ready; {@link #ready()} is its readiness, with the waiting message as the detail.
 *
 * @param <T> the named kind
 * @param <P> the naming kind
 */
public final class ReadOnlyParent<T extends HasMetadata, P extends HasMetadata>
    extends KubernetesDependentResource<T, P> {

  private final Function<P, String> reference;
  private final Function<T, ?> view;
  private final Function<T, List<Condition>> conditions;
  private final Function<T, String> kfpId;
  private InformerEventSource<T, P> informer;

  /**
   * Creates the node.
   *
   * @param reference the name the naming object's spec gives, or null when it names none (the node
   *     is then met: there is nothing to wait for)
   * @param view what the naming objects look at in the named one: only a change of it queues them
   * @param conditions the named object's status conditions, or null without a status
   * @param kfpId the KFP id the named object's status shows, or null
   */
  public ReadOnlyParent(
      Class<T> type,
      Function<P, String> reference,
      Function<T, ?> view,
      Function<T, List<Condition>> conditions,
      Function<T, String> kfpId) {
    super(type, type.getSimpleName());
    this.reference = reference;
    this.view = view;
    this.conditions = conditions;
    this.kfpId = kfpId;
  }

  @Override
  protected InformerEventSource<T, P> createEventSource(EventSourceContext<P> context) {
    informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(resourceType(), context.getPrimaryResourceClass())
                .withName(name())
                .withSecondaryToPrimaryMapper(
                    (T named) ->
                        context
                            .getPrimaryCache()
                            .list(
                                named.getMetadata().getNamespace(),
                                naming ->
                                    named.getMetadata().getName().equals(reference.apply(naming)))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper(
                    (PrimaryToSecondaryMapper<P>)
                        naming -> id(naming).map(Set::of).orElse(Set.of()))
                .withOnUpdateFilter(new ViewChanged<>(view))
                .build(),
            context);
    // Started before the other event sources: the first poll of KFP, made as the polling event
    // sources start, reads parents (the pipeline id a version is listed under).
    informer.setEventSourcePriority(EventSourceStartPriority.RESOURCE_STATE_LOADER);
    setEventSource(informer);
    return informer;
  }

  /** The object {@code naming} names, if it names one and that exists. */
  public Optional<T> of(P naming) {
    return id(naming).flatMap(informer::get);
  }

  /** The KFP id the named object shows, ready or not (one being deleted keeps it). */
  public Optional<String> kfpId(P naming) {
    return of(naming).map(kfpId);
  }

  @Override
  public Optional<T> getSecondaryResource(P naming, Context<P> context) {
    return of(naming);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(P naming, Context<P> context) {
    return id(naming).orElseThrow();
  }

  /**
   * Met when the naming object names none, or the named one is Ready and shows its KFP id; the
   * detail says what the naming object waits for otherwise.
   */
  public DetailedCondition<T, P, String> ready() {
    return this::readiness;
  }

  private DetailedCondition.Result<String> readiness(
      DependentResource<T, P> node, P naming, Context<P> context) {
    String name = reference.apply(naming);
    if (name == null) {
      return DetailedCondition.Result.withResult(true, null);
    }
    String named = resourceType().getSimpleName() + " \"" + name + "\"";
    Optional<T> found = of(naming);
    if (found.isEmpty()) {
      return unmet(
          named
              + " to be Ready (no "
              + resourceType().getSimpleName()
              + " of that name exists in this namespace yet)");
    }
    if (found.get().isMarkedForDeletion()) {
      return unmet(
          "the deletion of "
              + named
              + " to be undone: "
              + named
              + " is being deleted and waits for what uses it, this "
              + naming.getKind()
              + " included, to go first; delete this "
              + naming.getKind()
              + " too, or create the "
              + resourceType().getSimpleName()
              + " again once it is gone");
    }
    boolean ready =
        conditions.apply(found.get()) != null
            && Conditions.holds(conditions.apply(found.get()), ConditionType.Ready)
            && kfpId.apply(found.get()) != null;
    return ready ? DetailedCondition.Result.withResult(true, null) : unmet(named + " to be Ready");
  }

  private static DetailedCondition.Result<String> unmet(String awaited) {
    return DetailedCondition.Result.withResult(false, awaited);
  }

  private Optional<ResourceID> id(P naming) {
    return Optional.ofNullable(reference.apply(naming))
        .map(name -> new ResourceID(name, naming.getMetadata().getNamespace()));
  }
}
