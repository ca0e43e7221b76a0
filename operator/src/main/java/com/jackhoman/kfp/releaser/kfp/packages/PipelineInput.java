package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One input a pipeline declares; {@code defaultValue} is null when there is none.
 *
 * @param name the parameter name
 * @param type the declared type ({@code STRING} for every Argo parameter)
 * @param defaultValue the declared default, or null
 * @param required whether a run must supply a value
 */
public record PipelineInput(
    String name, ParameterType type, JsonNode defaultValue, boolean required) {

  /** Checks the name and type and keeps a private copy of the default. */
  public PipelineInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    defaultValue = defaultValue == null ? null : defaultValue.deepCopy();
  }

  /** Returns a copy of the default value, or null when there is none. */
  @Override
  public JsonNode defaultValue() {
    return defaultValue == null ? null : defaultValue.deepCopy();
  }
}
