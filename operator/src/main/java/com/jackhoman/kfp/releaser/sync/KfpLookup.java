package com.jackhoman.kfp.releaser.sync;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds an object's KFP object the way that never misses one it made: by its owner mark first, then
 * by its derived name (which also finds another owner's object of that name).
 */
public final class KfpLookup {

  private KfpLookup() {}

  /** The first KFP object {@code ownedBy} finds, or else the one {@code named} finds. */
  public static <R> Optional<R> markThenName(
      Supplier<List<R>> ownedBy, Supplier<Optional<R>> named) {
    List<R> owned = ownedBy.get();
    return owned.isEmpty() ? named.get() : Optional.of(owned.get(0));
  }
}
