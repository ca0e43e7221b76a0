package com.jackhoman.kfp.releaser.sync.polling;

import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds, in one listing of a scope, each object's KFP objects the way that never misses one it
 * made: those carrying its owner mark, else those with its derived name (which also finds another
 * owner's object of that name, for the object to judge).
 *
 * @param <O> the KFP object
 * @param <P> our object
 */
public final class OwnedOrNamed<O, P extends HasMetadata> {

  private final Function<O, Optional<OwnerMark>> markOnObject;
  private final Function<O, String> nameOfObject;
  private final Function<P, OwnerMark> markOf;
  private final Function<P, String> kfpNameOf;

  /**
   * Reads marks and names with these functions.
   *
   * @param markOnObject the mark a KFP object carries
   * @param nameOfObject a KFP object's name
   * @param markOf the mark the KFP objects of one of ours carry
   * @param kfpNameOf the KFP name one of ours gives its KFP object
   */
  public OwnedOrNamed(
      Function<O, Optional<OwnerMark>> markOnObject,
      Function<O, String> nameOfObject,
      Function<P, OwnerMark> markOf,
      Function<P, String> kfpNameOf) {
    this.markOnObject = markOnObject;
    this.nameOfObject = nameOfObject;
    this.markOf = markOf;
    this.kfpNameOf = kfpNameOf;
  }

  /** The KFP objects of {@code listed} each of {@code primaries} has; those with none left out. */
  public Map<ResourceID, List<O>> assign(List<O> listed, List<P> primaries) {
    Map<OwnerMark, List<O>> byMark = new HashMap<>();
    Map<String, List<O>> byName = new HashMap<>();
    for (O object : listed) {
      markOnObject
          .apply(object)
          .ifPresent(mark -> byMark.computeIfAbsent(mark, m -> new ArrayList<>()).add(object));
      byName.computeIfAbsent(nameOfObject.apply(object), n -> new ArrayList<>()).add(object);
    }
    Map<ResourceID, List<O>> assigned = new HashMap<>();
    for (P primary : primaries) {
      List<O> found = byMark.getOrDefault(markOf.apply(primary), List.of());
      if (found.isEmpty()) {
        found = byName.getOrDefault(kfpNameOf.apply(primary), List.of());
      }
      if (!found.isEmpty()) {
        assigned.put(ResourceID.fromResource(primary), List.copyOf(found));
      }
    }
    return assigned;
  }

  /**
   * The one KFP object each of {@code primaries} has in {@code listed}, for kinds whose names KFP
   * keeps unique (the first, should a mark have been copied onto two).
   */
  public Map<ResourceID, Set<O>> assignFirst(List<O> listed, List<P> primaries) {
    Map<ResourceID, Set<O>> first = new HashMap<>();
    assign(listed, primaries).forEach((id, found) -> first.put(id, Set.of(found.get(0))));
    return first;
  }
}
