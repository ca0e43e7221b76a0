package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.sync.ViewChanged;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A read-only workflow node: the object of ours (a PipelineVersion or an Experiment) a RecurringRun
 * names in its spec, read from an informer whose events re-queue the RecurringRuns naming it when
 * what they look at in it changes.
 */
final class ReferencedObject<T extends HasMetadata>
    implements DependentResource<T, RecurringRun>, Prerequisite {

  private final Class<T> type;
  private final Function<RecurringRunSpec, String> reference;
  private final Function<T, ?> view;
  private InformerEventSource<T, RecurringRun> informer;

  /**
   * Creates the node.
   *
   * @param reference the name the spec gives, or null when it names none
   * @param view what a RecurringRun looks at in the object: only a change of it re-queues them
   */
  ReferencedObject(
      Class<T> type, Function<RecurringRunSpec, String> reference, Function<T, ?> view) {
    this.type = type;
    this.reference = reference;
    this.view = view;
  }

  /** The informer this node reads from, to register in the reconciler's event sources. */
  InformerEventSource<T, RecurringRun> informer(EventSourceContext<RecurringRun> context) {
    informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(type, RecurringRun.class)
                .withSecondaryToPrimaryMapper(
                    (T object) ->
                        context
                            .getPrimaryCache()
                            .list(
                                object.getMetadata().getNamespace(),
                                run ->
                                    name(run)
                                        .filter(object.getMetadata().getName()::equals)
                                        .isPresent())
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper(
                    (PrimaryToSecondaryMapper<RecurringRun>)
                        run -> id(run).map(Set::of).orElse(Set.of()))
                .withOnUpdateFilter(new ViewChanged<>(view))
                .build(),
            context);
    return informer;
  }

  /** The object {@code run} names, if it names one and it exists. */
  Optional<T> of(RecurringRun run) {
    return id(run).flatMap(informer::get);
  }

  /** The name {@code run} gives, if any. */
  Optional<String> name(RecurringRun run) {
    return Optional.ofNullable(run.getSpec()).map(reference);
  }

  @Override
  public ReconcileResult<T> reconcile(RecurringRun run, Context<RecurringRun> context) {
    return ReconcileResult.noOperation(of(run).orElse(null));
  }

  @Override
  public Optional<T> getSecondaryResource(RecurringRun run, Context<RecurringRun> context) {
    return of(run);
  }

  @Override
  public Class<T> resourceType() {
    return type;
  }

  @Override
  public String name() {
    return type.getSimpleName();
  }

  @Override
  public String awaited(RecurringRun run) {
    return type.getSimpleName() + " \"" + name(run).orElse("") + "\" to be Ready";
  }

  private Optional<ResourceID> id(RecurringRun run) {
    return name(run).map(name -> new ResourceID(name, run.getMetadata().getNamespace()));
  }
}
