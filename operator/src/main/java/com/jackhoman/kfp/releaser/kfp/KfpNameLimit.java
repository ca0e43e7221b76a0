package com.jackhoman.kfp.releaser.kfp;

import java.util.Optional;

/**
 * The longest names KFP stores ({@code validation/length.go} of its API server): a create with a
 * longer name is refused with 400.
 */
public enum KfpNameLimit {
  /** A pipeline's name. */
  PIPELINE("pipeline", 128),
  /** A pipeline version's name. */
  PIPELINE_VERSION("pipeline version", 127);

  private final String what;
  private final int max;

  KfpNameLimit(String what, int max) {
    this.what = what;
    this.max = max;
  }

  /** The most characters such a name may have. */
  public int max() {
    return max;
  }

  /** Why KFP would refuse {@code name}, if it would. */
  public Optional<String> problem(String name) {
    return name.length() <= max
        ? Optional.empty()
        : Optional.of(
            "the KFP "
                + what
                + " name \""
                + name
                + "\" has "
                + name.length()
                + " characters; KFP stores at most "
                + max);
  }
}
