package com.jackhoman.kfp.releaser.sync.dependents;

import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.sync.ownership.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ready when a dependent's KFP object exists and belongs to the object of ours it serves.
 *
 * @param <R> the KFP object
 * @param <P> the object of ours
 */
public final class KfpObjectOwned<R, P extends HasMetadata> implements Condition<R, P> {

  private final Function<R, Optional<OwnerMark>> mark;

  /** Creates the condition; {@code mark} reads the owner mark a KFP object carries. */
  public KfpObjectOwned(Function<R, Optional<OwnerMark>> mark) {
    this.mark = mark;
  }

  @Override
  public boolean isMet(DependentResource<R, P> dependentResource, P owner, Context<P> context) {
    return dependentResource
        .getSecondaryResource(owner, context)
        .filter(inKfp -> Ownership.of(mark.apply(inKfp), owner) == Ownership.OURS)
        .isPresent();
  }
}
