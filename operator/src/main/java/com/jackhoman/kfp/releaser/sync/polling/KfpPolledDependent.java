package com.jackhoman.kfp.releaser.sync.polling;

import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.dependents.CreatesInDoubt;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.external.PollingDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.ExternalResourceCachingEventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The KFP objects of one kind for all objects of ours, in JOSDK's one cache of them: every drift
 * period, JOSDK's {@code PollingEventSource} calls {@link #fetchResources}, which lists each scope
 * that holds objects of ours (a KFP namespace, or a pipeline for versions) once, with that scope's
 * identity, and gives every object of ours what it owns there. A change found queues the objects it
 * concerns; a poll that finds nothing new queues none. Our own writes reach the cache through
 * JOSDK's {@code onCreated}/{@code onUpdated}, also while a poll runs ({@link
 * KfpPollingEventSource}).
 *
 * <p>The cache may miss an object created an instant ago (a poll that began before the create may
 * land after it), so every create looks at KFP past the cache first ({@link CreatesInDoubt}, and
 * each dependent's own fresh lookup).
 *
 * @param <R> what one object of ours has in KFP
 * @param <P> our object
 */
public abstract class KfpPolledDependent<R, P extends HasMetadata>
    extends PollingDependentResource<R, P, String> {

  /** The creates of this kind that got no answer, which later creates and deletions wait out. */
  protected final CreatesInDoubt creates;

  /** Where in KFP the KFP objects of each of our objects live. */
  protected final KfpTenancy tenancy;

  private final PollFailures failures;
  private IndexerResourceCache<P> primaries;

  /**
   * Polls KFP objects of {@code kfpType}, called {@code kfpKind} in messages, every drift period.
   *
   * @param tenancy where in KFP the KFP objects of each of our objects live
   * @param id the KFP id of what one object of ours has in KFP, its key in JOSDK's cache
   */
  protected KfpPolledDependent(
      Class<R> kfpType,
      String kfpKind,
      KfpTenancy tenancy,
      SyncSettings settings,
      Function<R, String> id) {
    super(kfpType, settings.driftPeriod(), id::apply);
    this.tenancy = tenancy;
    this.creates = new CreatesInDoubt(settings.clock(), kfpKind);
    this.failures = new PollFailures(kfpKind);
  }

  /**
   * The scope the KFP objects of {@code primary} are listed in, or empty while there is none to
   * list (a version whose pipeline KFP does not hold yet; an object that needs no KFP object): by
   * default the KFP namespace of the primary.
   */
  protected Optional<String> scopeOf(P primary) {
    return Optional.of(tenancy.namespaceOf(primary));
  }

  /**
   * Lists {@code scope} once and gives each of {@code primaries} (all of that scope) what it has
   * there; a primary with nothing is left out.
   */
  protected abstract Map<ResourceID, Set<R>> fetchScope(String scope, List<P> primaries);

  @Override
  protected ExternalResourceCachingEventSource<R, P, String> createEventSource(
      EventSourceContext<P> context) {
    primaries = context.getPrimaryCache();
    return new KfpPollingEventSource<>(
        resourceType(),
        new PollingConfiguration<>(name(), this, getPollingPeriod(), resourceIDMapper));
  }

  /**
   * Polls every scope of our objects. A scope that cannot be listed (KFP unreachable, the token
   * refused) keeps what its last poll found, so that a failed poll never reads as "deleted in KFP";
   * the failure is logged, and the next poll tries again. Never throws: JOSDK polls on start and on
   * a timer, and a throw there would stop the operator from starting.
   */
  @Override
  public Map<ResourceID, Set<R>> fetchResources() {
    Map<ResourceID, Set<R>> found = new HashMap<>();
    if (primaries == null) {
      return found;
    }
    Map<String, List<P>> byScope = new HashMap<>();
    primaries
        .list()
        .forEach(
            primary -> {
              try {
                scopeOf(primary)
                    .ifPresent(
                        scope ->
                            byScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(primary));
              } catch (RuntimeException unknown) {
                failures.report("of " + ResourceID.fromResource(primary), 1, unknown);
                keepLast(ResourceID.fromResource(primary), found);
              }
            });
    byScope.forEach(
        (scope, inScope) -> {
          try {
            found.putAll(fetchScope(scope, inScope));
          } catch (RuntimeException failed) {
            failures.report(scope, inScope.size(), failed);
            inScope.forEach(p -> keepLast(ResourceID.fromResource(p), found));
          }
        });
    return found;
  }

  private void keepLast(ResourceID primary, Map<ResourceID, Set<R>> found) {
    eventSource()
        .map(source -> source.getSecondaryResources(primary))
        .filter(last -> !last.isEmpty())
        .ifPresent(last -> found.put(primary, last));
  }

  /** What one object of ours has in KFP, as the scope's last poll (or our own write) found it. */
  @Override
  protected Optional<R> selectTargetSecondaryResource(
      Set<R> secondaryResources, P primary, Context<P> context) {
    return secondaryResources.stream().findFirst();
  }
}
