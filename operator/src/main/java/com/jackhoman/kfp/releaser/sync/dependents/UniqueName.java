package com.jackhoman.kfp.releaser.sync.dependents;

import com.jackhoman.kfp.releaser.kfp.KfpConflict;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates a KFP object of a kind whose names KFP keeps unique (pipelines, versions, experiments)
 * the way that never makes a second one: looks it up by name in KFP first, past the cache (an
 * earlier create's answer may have been lost, or the cache not have seen it yet), and when the
 * create is refused as a conflict, someone made one of that name in between: the object holding the
 * name is the answer, for the caller to judge whose it is.
 */
public final class UniqueName {

  private UniqueName() {}

  /** The object {@code look} finds, else the one {@code create} makes, else the name's holder. */
  public static <O> O lookThenCreate(Supplier<Optional<O>> look, Supplier<O> create) {
    Optional<O> existing = look.get();
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return create.get();
    } catch (KfpConflict nameTaken) {
      return look.get().orElseThrow(() -> nameTaken);
    }
  }
}
