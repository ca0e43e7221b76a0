package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The store's changes as watches see them: kept for a while, so that a watch starting from a list's
 * resourceVersion misses nothing that happened in between, and handed to every open watch.
 */
final class WatchEvents implements Consumer<StoredChange> {

  private static final int HISTORY = 2000;

  private final Deque<StoredChange> history = new ArrayDeque<>();
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private long forgottenUpTo;

  /** Records a change and hands it to the watches that select it. */
  @Override
  public synchronized void accept(StoredChange change) {
    history.addLast(change);
    if (history.size() > HISTORY) {
      forgottenUpTo = history.removeFirst().resourceVersion();
    }
    subscriptions.forEach(subscription -> subscription.offer(change));
  }

  /**
   * Whether changes after {@code resourceVersion} are no longer all kept (kube-apiserver answers
   * such a watch with 410 Gone, and the client lists again).
   */
  synchronized boolean expired(long resourceVersion) {
    return resourceVersion < forgottenUpTo;
  }

  /** Ends every open watch; returns how many there were. */
  int endAll() {
    List<Subscription> open = List.copyOf(subscriptions);
    open.forEach(Subscription::close);
    return open.size();
  }

  /** Opens a watch of the changes after {@code resourceVersion} whose objects match. */
  synchronized Subscription subscribe(Predicate<JsonNode> selects, long resourceVersion) {
    Subscription subscription = new Subscription(selects);
    history.stream()
        .filter(change -> change.resourceVersion() > resourceVersion)
        .forEach(subscription::offer);
    subscriptions.add(subscription);
    return subscription;
  }

  /** One open watch; closing it stops delivery. */
  final class Subscription implements AutoCloseable {

    private final Predicate<JsonNode> selects;
    private final BlockingQueue<StoredChange> queue = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    private Subscription(Predicate<JsonNode> selects) {
      this.selects = selects;
    }

    private void offer(StoredChange change) {
      if (selects.test(change.object())) {
        queue.add(change);
      }
    }

    /** Whether the watch still delivers changes. */
    boolean isOpen() {
      return open;
    }

    /** The next change, waiting at most {@code timeout}. */
    Optional<StoredChange> next(Duration timeout) throws InterruptedException {
      return Optional.ofNullable(queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
      open = false;
      subscriptions.remove(this);
    }
  }
}
