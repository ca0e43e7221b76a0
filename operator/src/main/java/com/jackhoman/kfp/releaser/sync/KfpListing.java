package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpConflict;
import com.jackhoman.kfp.releaser.kfp.KfpObject;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The KFP objects of one kind in each scope (a namespace, or a pipeline for versions), listed by
 * one list call at most once per drift period and kept current with the operator's own writes: the
 * objects of a scope are looked up by mark or name here instead of by one KFP call each.
 *
 * <p>Concurrent lookups in a scope wait for the same list call. A write that succeeds updates the
 * listing; a write that fails in any way may still have happened in KFP, so the scope is listed
 * again before its next lookup. That keeps the lookup the guard against duplicates: after our own
 * writes the listing is exact, and nothing else writes our objects.
 *
 * @param <R> the KFP object
 */
public final class KfpListing<R extends KfpObject> {

  private final Function<String, List<R>> listAll;
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Snapshot<R>> scopes = new ConcurrentHashMap<>();

  /**
   * A listing over {@code listAll}, which returns every object of the scope it is given.
   *
   * @param maxAge how long a scope's list stays good for lookups
   */
  public KfpListing(Function<String, List<R>> listAll, Duration maxAge, Clock clock) {
    this.listAll = listAll;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** A listing whose scopes stay good for one drift period of {@code settings}. */
  static <R extends KfpObject> KfpListing<R> overDriftPeriod(
      Function<String, List<R>> listAll, SyncSettings settings) {
    return new KfpListing<>(listAll, settings.driftPeriod(), settings.clock());
  }

  /** Every object in the scope that carries this owner's mark. */
  public List<R> ownedBy(String scope, OwnerMark owner) {
    return objects(scope).stream().filter(o -> owner.is(o.owner())).toList();
  }

  /** Every object in the scope with this name. */
  public List<R> named(String scope, String name) {
    return objects(scope).stream().filter(o -> name.equals(o.name())).toList();
  }

  /** Runs a create in the scope and adds what it made to the listing. */
  public <T extends R> T created(String scope, Supplier<T> create) {
    T made = attempt(scope, create);
    Snapshot<R> snapshot = scopes.get(scope);
    if (snapshot != null) {
      record(scope, snapshot, objects -> objects.put(made.id(), made));
    }
    return made;
  }

  /**
   * Runs a create of an object of a kind whose names KFP keeps unique. When KFP refuses it as a
   * conflict, someone made an object of that name since the scope was listed: the scope is listed
   * again and the object holding the name is the answer, so that the caller judges whose it is as a
   * lookup just before the create would have let it.
   */
  public R createdOrHolder(String scope, String name, Supplier<R> create) {
    try {
      return created(scope, create);
    } catch (KfpConflict nameTaken) {
      return named(scope, name).stream().findFirst().orElseThrow(() -> nameTaken);
    }
  }

  /** Runs the delete of the object {@code id} and drops it from the listing. */
  public void deleted(String id, Runnable delete) {
    try {
      delete.run();
    } catch (RuntimeException uncertain) {
      forgetScopesHolding(id);
      throw uncertain;
    }
    scopes.forEach((scope, snapshot) -> record(scope, snapshot, objects -> objects.remove(id)));
  }

  /** Runs a change of the object {@code id}; its scope is listed again before the next lookup. */
  public void changed(String id, Runnable change) {
    try {
      change.run();
    } finally {
      forgetScopesHolding(id);
    }
  }

  private <T> T attempt(String scope, Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException uncertain) {
      // A failed write may still have happened in KFP.
      forget(scope);
      throw uncertain;
    }
  }

  private void record(String scope, Snapshot<R> snapshot, Consumer<Map<String, R>> change) {
    if (!snapshot.record(change)) {
      scopes.remove(scope, snapshot);
    }
  }

  private void forgetScopesHolding(String id) {
    scopes.forEach(
        (scope, snapshot) -> {
          if (snapshot.holds(id)) {
            scopes.remove(scope, snapshot);
          }
        });
  }

  /** Lists the scope again before its next lookup. */
  public void forget(String scope) {
    scopes.remove(scope);
  }

  private List<R> objects(String scope) {
    Instant now = clock.instant();
    Snapshot<R> fresh = new Snapshot<>(now);
    Snapshot<R> current =
        scopes.compute(
            scope, (key, old) -> old == null || old.olderThan(maxAge, now) ? fresh : old);
    if (current == fresh) {
      try {
        fresh.fill(listAll.apply(scope));
      } catch (RuntimeException listFailed) {
        scopes.remove(scope, fresh);
        fresh.fail(listFailed);
        throw listFailed;
      }
    }
    return current.objects();
  }

  /** One scope's objects as listed at one time, by id, and updated by our writes since. */
  private static final class Snapshot<R extends KfpObject> {

    private final Instant listedAt;
    private final CompletableFuture<Map<String, R>> byId = new CompletableFuture<>();
    private final List<Consumer<Map<String, R>>> pending = new ArrayList<>();
    private Map<String, R> objects;

    Snapshot(Instant listedAt) {
      this.listedAt = listedAt;
    }

    boolean olderThan(Duration age, Instant now) {
      return listedAt.plus(age).isBefore(now) || byId.isCompletedExceptionally();
    }

    void fill(List<R> listed) {
      Map<String, R> filled = new LinkedHashMap<>();
      listed.forEach(o -> filled.put(o.id(), o));
      synchronized (this) {
        pending.forEach(change -> change.accept(filled));
        pending.clear();
        objects = filled;
      }
      byId.complete(filled);
    }

    void fail(RuntimeException error) {
      byId.completeExceptionally(error);
    }

    /**
     * Applies one of our writes: now, or once the list being read is in (whether or not the list
     * saw the write, applying it after makes it true). False when the list failed.
     */
    synchronized boolean record(Consumer<Map<String, R>> change) {
      if (byId.isCompletedExceptionally()) {
        return false;
      }
      if (objects == null) {
        pending.add(change);
      } else {
        change.accept(objects);
      }
      return true;
    }

    /** True when the object is in the list, or the list is not read yet. */
    synchronized boolean holds(String id) {
      return objects == null || objects.containsKey(id);
    }

    List<R> objects() {
      try {
        byId.join();
      } catch (CompletionException listFailed) {
        throw listFailed.getCause() instanceof RuntimeException cause ? cause : listFailed;
      }
      synchronized (this) {
        return List.copyOf(objects.values());
      }
    }
  }
}
