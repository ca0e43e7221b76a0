package com.jackhoman.kfp.releaser.sync.polling;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingConfiguration;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingEventSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * JOSDK's {@link PollingEventSource}, with the poll of KFP made outside the event source's lock.
 *
 * <p>Worked around: in JOSDK 5.2.3 {@code PollingEventSource#getStateAndFillCache} is {@code
 * synchronized} and calls the fetcher inside, and {@code
 * ExternalResourceCachingEventSource#handleRecentResourceCreate}/{@code
 * handleRecentResourceUpdate}, through which a dependent's own creates and updates reach the cache,
 * are {@code synchronized} on the same object: every reconcile that wrote to KFP waited for a whole
 * poll of KFP (seconds at a thousand objects), and with them JOSDK's shared reconcile threads. Here
 * the fetch runs unlocked; the writes that land while it runs are kept and win over the listing,
 * which may have been read before them (each of our objects has exactly one KFP object in the
 * cache, so a write replaces the object's whole entry).
 *
 * @param <R> what one object of ours has in KFP
 * @param <P> our object
 */
final class KfpPollingEventSource<R, P extends HasMetadata>
    extends PollingEventSource<R, P, String> {

  private final GenericResourceFetcher<R> fetcher;
  private final Map<ResourceID, R> writtenDuringPoll = new HashMap<>();
  private boolean polling;

  KfpPollingEventSource(Class<R> type, PollingConfiguration<R, String> configuration) {
    super(type, configuration);
    this.fetcher = configuration.genericResourceFetcher();
  }

  @Override
  protected void getStateAndFillCache() {
    synchronized (this) {
      polling = true;
      writtenDuringPoll.clear();
    }
    Map<ResourceID, Set<R>> fetched;
    try {
      fetched = new HashMap<>(fetcher.fetchResources());
    } catch (RuntimeException failed) {
      synchronized (this) {
        polling = false;
      }
      throw failed;
    }
    synchronized (this) {
      writtenDuringPoll.forEach((primary, written) -> fetched.put(primary, Set.of(written)));
      polling = false;
      handleResources(fetched);
    }
  }

  @Override
  public synchronized void handleRecentResourceCreate(ResourceID primary, R resource) {
    written(primary, resource);
  }

  @Override
  public synchronized void handleRecentResourceUpdate(ResourceID primary, R resource, R previous) {
    written(primary, resource);
  }

  /**
   * Our write is the newest state of the object's one KFP object, so it replaces the whole entry.
   * JOSDK's own handling assumes the written object is already cached under its id: an update of
   * one found by a fresh look past the cache failed there with a NullPointerException, and a create
   * next to a cached one left two where one is expected.
   */
  private void written(ResourceID primary, R resource) {
    Map<String, R> entry = new HashMap<>();
    entry.put(resourceIDMapper.idFor(resource), resource);
    cache.put(primary, entry);
    if (polling) {
      writtenDuringPoll.put(primary, resource);
    }
  }
}
