package com.jackhoman.kfp.releaser.sync.dependents;

import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.sync.ownership.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Deletes an object's KFP object as the object goes, when it may: not when the object orphans it,
 * not when it was never made or is gone already, and never when it is someone else's.
 */
public final class KfpRelease {

  private KfpRelease() {}

  /**
   * Deletes {@code inKfp} through {@code delete} unless {@code orphan}, there is none, or it is not
   * {@code owner}'s; KFP answering that it is already gone counts as done.
   *
   * @param inKfp the KFP object last polled, or null when the poll found none
   * @param lookAgain finds the KFP object in KFP when the poll found none: a create whose answer
   *     was lost made one that no poll has seen yet
   * @param mark reads the owner mark a KFP object carries
   * @param creates the creates that got no answer: one for {@code owner} is waited out first, and
   *     KFP looked at again after it
   */
  public static <R> void release(
      HasMetadata owner,
      boolean orphan,
      R inKfp,
      Supplier<Optional<R>> lookAgain,
      Function<R, Optional<OwnerMark>> mark,
      Consumer<R> delete,
      CreatesInDoubt creates) {
    if (orphan) {
      return;
    }
    boolean doubted = creates.awaitSettled(owner, "finishing its deletion");
    R found = inKfp != null && !doubted ? inKfp : lookAgain.get().orElse(null);
    if (found == null || Ownership.of(mark.apply(found), owner) != Ownership.OURS) {
      return;
    }
    try {
      delete.accept(found);
    } catch (KfpNotFound alreadyGone) {
      // deleted behind our back: nothing left to do
    }
  }
}
