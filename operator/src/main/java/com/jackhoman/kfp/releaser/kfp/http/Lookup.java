package com.jackhoman.kfp.releaser.kfp.http;

import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Finds KFP objects of one kind by name or by owner mark through that kind's filtered list call,
 * keeping only the objects whose mark really is the owner's (the filter is only a pre-selection).
 */
public final class Lookup<T> {

  private final ListFilter.Dialect dialect;
  private final String nameKey;
  private final MarkPlace markPlace;
  private final BiFunction<String, ListFilter, List<T>> list;
  private final Function<T, Optional<OwnerMark>> ownerOf;

  /**
   * A lookup over {@code list}, which gets the scope (namespace or parent id) and a filter; {@code
   * nameKey} is the filter key of the kind's name.
   */
  public Lookup(
      ListFilter.Dialect dialect,
      String nameKey,
      MarkPlace markPlace,
      BiFunction<String, ListFilter, List<T>> list,
      Function<T, Optional<OwnerMark>> ownerOf) {
    this.dialect = dialect;
    this.nameKey = nameKey;
    this.markPlace = markPlace;
    this.list = list;
    this.ownerOf = ownerOf;
  }

  /** Every object in the scope. */
  public List<T> all(String scope) {
    return list.apply(scope, null);
  }

  /** Every object in the scope with this name. */
  public List<T> named(String scope, String name) {
    return list.apply(scope, ListFilter.in(dialect).equalTo(nameKey, name));
  }

  /** The object in the scope with this name, for kinds whose names are unique. */
  public Optional<T> uniquelyNamed(String scope, String name) {
    return named(scope, name).stream().findFirst();
  }

  /** Every object in the scope that carries this owner's mark. */
  public List<T> ownedBy(String scope, OwnerMark owner) {
    return list.apply(scope, markPlace.filterFor(dialect, owner)).stream()
        .filter(o -> owner.is(ownerOf.apply(o)))
        .toList();
  }
}
