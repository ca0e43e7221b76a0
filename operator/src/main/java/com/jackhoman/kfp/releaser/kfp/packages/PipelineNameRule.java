package com.jackhoman.kfp.releaser.kfp.packages;

import java.util.Optional;
import java.util.regex.Pattern;

/** KFP's rule for the pipeline name inside a package ({@code ValidatePipelineName}). */
final class PipelineNameRule {

  private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,127}$");

  private PipelineNameRule() {}

  /** Returns the problem with {@code name} found at {@code field}, if KFP would refuse it. */
  static Optional<String> problem(String field, String name) {
    if (NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        field
            + ": \""
            + name
            + "\" does not match "
            + NAME.pattern()
            + " (KFP's pipeline name rule)");
  }
}
