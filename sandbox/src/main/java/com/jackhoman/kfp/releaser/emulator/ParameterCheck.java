package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.jackhoman.kfp.releaser.kfp.packages.ParameterType;
import com.jackhoman.kfp.releaser.kfp.packages.PipelineInput;
import java.util.List;
import java.util.Map;

/**
 * Checks run parameters against a package's declared inputs as KFP does: no unknown names, every
 * required input present, and JSON types matching the IR parameter types.
 */
final class ParameterCheck {

  private ParameterCheck() {}

  static void check(List<PipelineInput> inputs, Map<String, JsonElement> parameters) {
    for (String name : parameters.keySet()) {
      if (inputs.stream().noneMatch(input -> input.name().equals(name))) {
        throw KfpError.invalidArgument("Unrecognized input parameter: " + name);
      }
    }
    for (PipelineInput input : inputs) {
      JsonElement value = parameters.get(input.name());
      if (value == null) {
        if (input.required()) {
          throw KfpError.invalidArgument(
              "Failed to validate pipeline job inputs: input parameter "
                  + input.name()
                  + " is required");
        }
      } else if (!fits(input.type(), value)) {
        throw KfpError.invalidArgument(
            "Failed to validate pipeline job inputs: input parameter "
                + input.name()
                + " requires type "
                + input.type()
                + ", but got "
                + value);
      }
    }
  }

  private static boolean fits(ParameterType type, JsonElement value) {
    return switch (type) {
      case NUMBER_INTEGER, NUMBER_DOUBLE ->
          value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case BOOLEAN -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case LIST -> value.isJsonArray();
      case STRUCT -> value.isJsonObject();
      case STRING, TASK_FINAL_STATUS ->
          value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    };
  }
}
