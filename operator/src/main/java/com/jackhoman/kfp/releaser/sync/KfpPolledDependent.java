package com.jackhoman.kfp.releaser.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.dependent.external.PerResourcePollingDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one KFP object of one object of ours, polled from KFP once per jittered drift period. What
 * the poll found is the secondary as it is: picking it never computes the desired state, which may
 * need objects already gone while ours is being deleted.
 *
 * <p>A background poll that fails (KFP unreachable, say) keeps what the last poll found and polls
 * again a drift period later: JOSDK schedules an object's next poll only after a poll that
 * returned, so one failed poll used to end the drift checks of that object for good. A first poll
 * that fails still fails the reconcile that asked for it, to be retried.
 *
 * @param <R> the KFP object
 * @param <P> our object
 */
public abstract class KfpPolledDependent<R, P extends HasMetadata>
    extends PerResourcePollingDependentResource<R, P, String> {

  private static final Logger LOG = LoggerFactory.getLogger(KfpPolledDependent.class);

  /** During a KFP outage every object's check fails: one warning a minute says so. */
  private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  private static final AtomicLong lastWarning =
      new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

  private final SyncSettings settings;

  /** The creates of this kind that got no answer, which later creates and deletions wait out. */
  protected final CreatesInDoubt creates;

  /** The objects of ours whose KFP object was looked up at least once. */
  private final Set<ResourceID> polled = ConcurrentHashMap.newKeySet();

  /**
   * Polls KFP objects of {@code kfpType}, called {@code kfpKind} in messages, every drift period.
   */
  protected KfpPolledDependent(Class<R> kfpType, String kfpKind, SyncSettings settings) {
    super(kfpType, settings.driftPeriod(), ResourceIDMapper.singleResourceResourceIDMapper());
    this.settings = settings;
    this.creates = new CreatesInDoubt(settings.clock(), kfpKind);
  }

  /** Looks the KFP object of {@code primary} up in KFP. */
  protected abstract Set<R> fetchFromKfp(P primary);

  @Override
  public final Set<R> fetchResources(P primary) {
    ResourceID id = ResourceID.fromResource(primary);
    try {
      Set<R> found = fetchFromKfp(primary);
      polled.add(id);
      return found;
    } catch (RuntimeException failed) {
      if (!polled.contains(id)) {
        throw failed;
      }
      long now = System.nanoTime();
      long last = lastWarning.get();
      boolean warn =
          now - last >= WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now);
      String message =
          "Could not check {} {}/{} against KFP ({}); keeping what the last check found and"
              + " checking again in one drift period"
              + (warn ? " (further failed checks are logged at debug level for a minute)" : "");
      Object[] arguments = {
        primary.getKind(), id.getNamespace().orElse(""), id.getName(), failed.getMessage()
      };
      if (warn) {
        LOG.warn(message, arguments);
      } else {
        LOG.debug(message, arguments);
      }
      return eventSource().map(source -> source.getSecondaryResources(id)).orElse(Set.of());
    }
  }

  /** Forgets {@code primary} once it is gone, after its KFP object is dealt with. */
  @Override
  public void delete(P primary, Context<P> context) {
    super.delete(primary, context);
    polled.remove(ResourceID.fromResource(primary));
  }

  @Override
  public Optional<Duration> fetchDelay(Set<R> lastFetched, P primary) {
    return Optional.of(settings.nextDriftCheck());
  }

  @Override
  protected Optional<R> selectTargetSecondaryResource(
      Set<R> secondaryResources, P primary, Context<P> context) {
    return secondaryResources.stream().findFirst();
  }
}
