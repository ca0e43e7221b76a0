package com.jackhoman.kfp.releaser.sync.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
   * Watches {@code referring} objects whose {@code reference} names an object of {@code referred}.
   *
   * @param reference the name a referring object gives, or null when it names none
   */
  public static <R extends HasMetadata, P extends HasMetadata> Referrers<R, P> watch(
      Class<R> referring,
      Class<P> referred,
      Function<R, String> reference,
      EventSourceContext<P> context) {
    InformerEventSource<R, P> informer =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(referring, referred)
                .withName(referring.getSimpleName() + "-referring-" + referred.getSimpleName())
                .withSecondaryToPrimaryMapper(
                    object ->
                        reference.apply(object) == null
                            ? Set.of()
                            : Set.of(
                                new ResourceID(
                                    reference.apply(object), object.getMetadata().getNamespace())))
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
