package com.jackhoman.kfp.releaser.kfp.packages;

import java.util.List;

/** Checked exception saying why KFP would refuse a package, one plain message per problem found. */
public final class InvalidPackageException extends Exception {

  private final List<String> problems;

  /** Creates the exception from at least one problem message. */
  public InvalidPackageException(List<String> problems) {
    super(String.join("; ", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid package needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, each naming the field and KFP's reason. */
  public List<String> problems() {
    return problems;
  }
}
