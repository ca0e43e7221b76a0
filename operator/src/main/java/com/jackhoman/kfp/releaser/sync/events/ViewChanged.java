package com.jackhoman.kfp.releaser.sync.events;

import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lets an update of a watched object re-queue the objects that depend on it only when the part of
 * it they look at changed (its readiness and KFP ids, or the name it refers to), not on every
 * status message, finalizer or list of referrers it gains on the way. In a large sync this spares
 * each dependent several reconciles with nothing to do.
 *
 * @param <T> the watched kind
 */
public final class ViewChanged<T extends HasMetadata> implements OnUpdateFilter<T> {

  private final Function<T, ?> view;

  /** A filter that compares what {@code view} returns for the object before and after. */
  public ViewChanged(Function<T, ?> view) {
    this.view = view;
  }

  /**
   * What dependents read of a parent: its spec (generation), deletion mark, readiness (from its
   * status {@code conditions}, null when it has no status yet) and {@code outputs} (the KFP ids and
   * the like its status shows).
   */
  public static List<Object> ofParent(
      HasMetadata parent, List<Condition> conditions, Object... outputs) {
    List<Object> view =
        new ArrayList<>(
            Arrays.asList(
                parent.getMetadata().getGeneration(),
                parent.getMetadata().getDeletionTimestamp(),
                Conditions.holds(conditions, ConditionType.Ready)));
    view.addAll(Arrays.asList(outputs));
    return view;
  }

  @Override
  public boolean accept(T updated, T before) {
    return !Objects.equals(view.apply(updated), view.apply(before));
  }
}
