package com.jackhoman.kfp.releaser.sync.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The objects that name one of ours by a spec field in the same namespace (a PipelineVersion's
 * {@code pipeline}, a RecurringRun's {@code versionRef} or {@code experimentRef}), watched so that
 * ours is reconciled again when one of them comes, goes, or changes its spec or deletion mark
 * (their status is not ours to look at).
 *
 * @param <R> the referring kind
 * @param <P> our kind, the one referred to
 */
public final class Referrers<R extends HasMetadata, P extends HasMetadata> {

  private final InformerEventSource<R, P> informer;
  private final Function<R, String> reference;

  private Referrers(InformerEventSource<R, P> informer, Function<R, String> reference) {
    this.informer = informer;
    this.reference = reference;
  }

  /**
   * Watches {@code referring} objects whose {@code reference} names an object of {@code referred};
   * every change of one queues the object it names (which shows its referrers in its status).
   *
   * @param reference the name a referring object gives, or null when it names none
   */
  public static <R extends HasMetadata, P extends HasMetadata> Referrers<R, P> watch(
      Class<R> referring,
      Class<P> referred,
      Function<R, String> reference,
      EventSourceContext<P> context) {
    return watch(referring, referred, reference, context, named -> true);
  }

  /**
   * Watches {@code referring} objects as {@link #watch} does, but queues the object named only
   * while it is being deleted (or gone from the cache): for kinds that look at their referrers only
   * to wait for them before they go, which spares a live object one reconcile per referrer added.
   */
  public static <R extends HasMetadata, P extends HasMetadata> Referrers<R, P> watchForDeletion(
      Class<R> referring,
      Class<P> referred,
      Function<R, String> reference,
      EventSourceContext<P> context) {
    return watch(
        referring,
        referred,
        reference,
        context,
        named ->
            context
                .getPrimaryCache()
                .get(named)
                .map(HasMetadata::isMarkedForDeletion)
                .orElse(true));
  }

  private static <R extends HasMetadata, P extends HasMetadata> Referrers<R, P> watch(
      Class<R> referring,
      Class<P> referred,
      Function<R, String> reference,
      EventSourceContext<P> context,
      Predicate<ResourceID> queued) {
    InformerEventSource<R, P> informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(referring, referred)
                .withName(referring.getSimpleName() + "-referring-" + referred.getSimpleName())
                .withSecondaryToPrimaryMapper(
                    object ->
                        Optional.ofNullable(reference.apply(object))
                            .map(name -> new ResourceID(name, object.getMetadata().getNamespace()))
                            .filter(queued)
                            .map(Set::of)
                            .orElse(Set.of()))
                .withOnUpdateFilter(
                    new ViewChanged<R>(
                        object ->
                            Arrays.asList(
                                reference.apply(object),
                                object.getMetadata().getGeneration(),
                                object.getMetadata().getDeletionTimestamp())))
                .build(),
            context);
    return new Referrers<>(informer, reference);
  }

  /** The event source to register with the controller. */
  public InformerEventSource<R, P> eventSource() {
    return informer;
  }

  /** The objects that name {@code referred} now. */
  public Stream<R> of(P referred) {
    return informer.list(
        referred.getMetadata().getNamespace(),
        object -> referred.getMetadata().getName().equals(reference.apply(object)));
  }

  /** The sorted names of the objects that name {@code referred} now. */
  public List<String> namesOf(P referred) {
    return of(referred).map(object -> object.getMetadata().getName()).sorted().toList();
  }
}
