package com.jackhoman.kfp.releaser.sync.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets an update of one of our objects start a reconcile only when more than its status changed:
 * its spec (a new generation), its annotations (the adopt annotation makes no new generation), its
 * labels, finalizers or deletion. The operator's own status writes so come back as no reconcile,
 * which halves the reconciles of a large sync; a change in KFP still comes in through the polls.
 *
 * @param <R> our kind
 */
public final class MoreThanStatusChanged<R extends HasMetadata> implements OnUpdateFilter<R> {

  @Override
  public boolean accept(R updated, R before) {
    ObjectMeta now = updated.getMetadata();
    ObjectMeta then = before.getMetadata();
    return !Objects.equals(now.getGeneration(), then.getGeneration())
        || !Objects.equals(now.getAnnotations(), then.getAnnotations())
        || !Objects.equals(now.getLabels(), then.getLabels())
        || !Objects.equals(now.getFinalizers(), then.getFinalizers())
        || !Objects.equals(now.getDeletionTimestamp(), then.getDeletionTimestamp());
  }
}
