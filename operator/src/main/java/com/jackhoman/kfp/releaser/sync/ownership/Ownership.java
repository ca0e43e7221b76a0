package com.jackhoman.kfp.releaser.sync.ownership;

import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * Whose a KFP object found under an object's name is: ours, an earlier object's of the same name,
 * another object's, or nobody's.
 */
public enum Ownership {
  /** It carries our mark, or we were told to adopt it. */
  OURS,
  /** It carries the mark of an earlier object of the same namespace and name (another uid). */
  EARLIER,
  /** It carries another object's mark. */
  OTHERS,
  /** It carries no mark. */
  UNMARKED;

  /**
   * Judges the mark {@code found} on a KFP object against {@code owner}. The adopt annotation takes
   * over unmarked objects and those of an earlier object of the same name, never another object's.
   */
  public static Ownership of(Optional<OwnerMark> found, HasMetadata owner) {
    OwnerMark ours = OwnerMarks.of(owner);
    Ownership ownership;
    if (found.isEmpty()) {
      ownership = UNMARKED;
    } else if (found.get().equals(ours)) {
      return OURS;
    } else if (found.get().namespace().equals(ours.namespace())
        && found.get().name().equals(ours.name())) {
      ownership = EARLIER;
    } else {
      return OTHERS;
    }
    return OwnerMarks.adopts(owner) ? OURS : ownership;
  }

  /** The message of a NotOwned condition for a KFP {@code what} named {@code name}. */
  public String notOwnedMessage(String what, String name) {
    String found = "KFP " + what + " \"" + name + "\" ";
    return switch (this) {
      case OURS -> found + "is ours";
      case OTHERS ->
          found
              + "belongs to another kfp-releaser object; nothing was changed. Rename this object"
              + " or delete the other one";
      case EARLIER ->
          found
              + "belongs to an earlier object of this name (deleted with deletionPolicy Orphan,"
              + " or re-created); nothing was changed. To take it over, annotate this object with "
              + OwnerMarks.ADOPT_ANNOTATION
              + "=\"true\"";
      case UNMARKED ->
          found
              + "already exists and was not created by kfp-releaser; nothing was changed. To take"
              + " it over, annotate this object with "
              + OwnerMarks.ADOPT_ANNOTATION
              + "=\"true\"";
    };
  }
}
