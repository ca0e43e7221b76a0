package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values given for a run's parameters, checked against a package's declared inputs as KFP
 * checks them (no unknown names, every required input given, values of the input's type) and
 * converted to the inputs' types. Shared by {@code validate} and the operator, so both say the same
 * thing.
 *
 * @param values the converted values by input name, for the inputs given correctly, every map in
 *     them with its keys sorted: the same run whatever order the cluster serves them in
 * @param mistakes everything wrong, in the order of the given parameters, missing inputs last
 */
public record ParameterBinding(Map<String, JsonNode> values, List<Mistake> mistakes) {

  public ParameterBinding {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    mistakes = List.copyOf(mistakes);
  }

  /**
   * One given parameter.
   *
   * @param name its name
   * @param value its value, or null when none was given (the schema reports that)
   */
  public record Given(String name, JsonNode value) {}

  /**
   * One thing wrong with the given parameters.
   *
   * @param index the position of the parameter it is about, or -1 for a missing input
   * @param part {@code name} or {@code value} of that parameter; empty for a missing input
   * @param message what is wrong
   */
  public record Mistake(int index, String part, String message) {}

  /** Binds {@code given} to the inputs of {@code pkg}, the package of {@code versionName}. */
  public static ParameterBinding bind(PipelinePackage pkg, String versionName, List<Given> given) {
    Map<String, PipelineInput> inputs = new LinkedHashMap<>();
    pkg.inputs().forEach(input -> inputs.putIfAbsent(input.name(), input));
    Map<String, JsonNode> values = new LinkedHashMap<>();
    List<Mistake> mistakes = new ArrayList<>();
    Set<String> named = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      Given parameter = given.get(i);
      named.add(parameter.name());
      PipelineInput input = inputs.get(parameter.name());
      if (input == null) {
        mistakes.add(
            new Mistake(
                i,
                "name",
                "\""
                    + parameter.name()
                    + "\" is not an input of PipelineVersion \""
                    + versionName
                    + "\"; "
                    + (inputs.isEmpty()
                        ? "it declares no inputs"
                        : "its inputs are "
                            + String.join(", ", inputs.keySet().stream().sorted().toList()))));
      } else if (parameter.value() != null) {
        try {
          values.put(
              input.name(),
              CanonicalJson.withSortedKeys(input.type().coerce(parameter.value(), pkg.format())));
        } catch (IllegalArgumentException wrongType) {
          mistakes.add(
              new Mistake(
                  i, "value", wrongType.getMessage() + " (input \"" + input.name() + "\")"));
        }
      }
    }
    mistakes.addAll(
        inputs.values().stream()
            .filter(input -> input.required() && !named.contains(input.name()))
            .map(
                input ->
                    new Mistake(
                        -1,
                        "",
                        "required input \""
                            + input.name()
                            + "\" ("
                            + input.type()
                            + ") of PipelineVersion \""
                            + versionName
                            + "\" is missing"))
            .collect(Collectors.toList()));
    return new ParameterBinding(values, mistakes);
  }

  /** The field path of {@code mistake} under a manifest's {@code spec.parameters}. */
  public static String field(Mistake mistake) {
    return mistake.index() < 0
        ? "spec.parameters"
        : "spec.parameters[" + mistake.index() + "]." + mistake.part();
  }
}
