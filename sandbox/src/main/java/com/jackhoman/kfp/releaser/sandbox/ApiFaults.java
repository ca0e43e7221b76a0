package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the embedded API can inject, as a busy kube-apiserver shows them: 409 Conflict on a share
 * of status writes, and open watches that end at once so that clients must resume them.
 */
public final class ApiFaults implements WriteReview {

  private final WatchEvents watchEvents;
  private final Random random;
  private final AtomicLong injected = new AtomicLong();
  private volatile double statusConflictRate;

  ApiFaults(WatchEvents watchEvents, long seed) {
    this.watchEvents = watchEvents;
    this.random = new Random(seed);
  }

  /** Answers this share (0 to 1) of the writes to a status subresource with 409 Conflict. */
  public void conflictOnStatusWrites(double rate) {
    statusConflictRate = rate;
  }

  /** Ends every watch open now; clients see the stream close and must watch again. */
  public void dropWatches() {
    injected.addAndGet(watchEvents.endAll());
  }

  /** How many status writes were refused and watches ended so far. */
  public long injected() {
    return injected.get();
  }

  @Override
  public Optional<MockResponse> refusal(ApiPath path, JsonNode object, JsonNode oldObject) {
    if (!path.isStatus() || statusConflictRate <= 0) {
      return Optional.empty();
    }
    synchronized (random) {
      if (random.nextDouble() >= statusConflictRate) {
        return Optional.empty();
      }
    }
    injected.incrementAndGet();
    return Optional.of(ApiStatus.conflict(path));
  }
}
