package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.kfp.packages.PipelineInput;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a recurring run's parameters against the inputs its version's package declares, as KFP
 * checks a run's parameters: no unknown names, every required input given, values of the input's
 * type.
 */
final class ParameterCheck {

  private ParameterCheck() {}

  /** Every parameter problem of {@code run}, whose version is {@code pkg}. */
  static List<Problem> check(CheckedObject run, String versionName, PipelinePackage pkg) {
    List<PipelineInput> inputs = pkg.inputs();
    List<Problem> problems = new ArrayList<>();
    JsonNode parameters = run.spec().path("parameters");
    if (!parameters.isMissingNode() && !parameters.isArray()) {
      return problems;
    }
    Set<String> given = new HashSet<>();
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode parameter = parameters.get(i);
      String name = parameter.path("name").asText("");
      given.add(name);
      PipelineInput input =
          inputs.stream().filter(in -> in.name().equals(name)).findFirst().orElse(null);
      if (input == null) {
        problems.add(
            run.problem(
                "spec.parameters[" + i + "].name",
                "\""
                    + name
                    + "\" is not an input of PipelineVersion \""
                    + versionName
                    + "\"; "
                    + (inputs.isEmpty()
                        ? "it declares no inputs"
                        : "its inputs are " + names(inputs)),
                Problem.Severity.ERROR));
      } else if (parameter.has("value")) {
        try {
          input.type().coerce(parameter.get("value"), pkg.format());
        } catch (IllegalArgumentException e) {
          problems.add(
              run.problem(
                  "spec.parameters[" + i + "].value",
                  e.getMessage() + " (input \"" + name + "\")",
                  Problem.Severity.ERROR));
        }
      }
    }
    for (PipelineInput input : inputs) {
      if (input.required() && !given.contains(input.name())) {
        problems.add(
            run.problem(
                "spec.parameters",
                "required input \""
                    + input.name()
                    + "\" ("
                    + input.type()
                    + ") of PipelineVersion \""
                    + versionName
                    + "\" is missing",
                Problem.Severity.ERROR));
      }
    }
    return problems;
  }

  private static String names(List<PipelineInput> inputs) {
    return inputs.stream().map(PipelineInput::name).collect(Collectors.joining(", "));
  }
}
