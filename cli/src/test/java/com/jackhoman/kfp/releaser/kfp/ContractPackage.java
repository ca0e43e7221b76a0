package com.jackhoman.kfp.releaser.kfp;

import java.util.Map;

/**
 * A package the client contract runs with: its file under {@code kfp-packages/}, parameter values a
 * recurring run of it is accepted with, and those values as KFP gives them back and as its runs get
 * them (an Argo workflow's are strings).
 */
public enum ContractPackage {
  ARGO_WORKFLOW(
      "pipelineparams.yaml",
      Map.of("tag", "v1.2", "sleep_ms", 20L),
      Map.of("tag", "v1.2", "sleep_ms", "20")),
  PIPELINE_SPEC(
      "lightweight_python_functions_with_outputs.yaml",
      Map.of("first_message", "a", "first_number", 1L, "second_message", "b", "second_number", 2L),
      Map.of("first_message", "a", "first_number", 1L, "second_message", "b", "second_number", 2L));

  private final String file;
  private final Map<String, Object> parameters;
  private final Map<String, Object> asKfpHasThem;

  ContractPackage(String file, Map<String, Object> parameters, Map<String, Object> asKfpHasThem) {
    this.file = file;
    this.parameters = parameters;
    this.asKfpHasThem = asKfpHasThem;
  }

  String file() {
    return file;
  }

  Map<String, Object> parameters() {
    return parameters;
  }

  Map<String, Object> asKfpHasThem() {
    return asKfpHasThem;
  }
}
