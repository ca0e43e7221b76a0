package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.kfp.packages.ParameterBinding;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a recurring run's parameters against the inputs its version's package declares, as KFP
 * checks a run's parameters (see {@link ParameterBinding}).
 */
final class ParameterCheck {

  private ParameterCheck() {}

  /** Every parameter problem of {@code run}, whose version is {@code pkg}. */
  static List<Problem> check(CheckedObject run, String versionName, PipelinePackage pkg) {
    JsonNode parameters = run.spec().path("parameters");
    if (!parameters.isMissingNode() && !parameters.isArray()) {
      return List.of();
    }
    List<ParameterBinding.Given> given = new ArrayList<>();
    for (JsonNode parameter : parameters) {
      given.add(
          new ParameterBinding.Given(parameter.path("name").asText(""), parameter.get("value")));
    }
    return ParameterBinding.bind(pkg, versionName, given).mistakes().stream()
        .map(
            mistake ->
                run.problem(
                    ParameterBinding.field(mistake), mistake.message(), Problem.Severity.ERROR))
        .toList();
  }
}
