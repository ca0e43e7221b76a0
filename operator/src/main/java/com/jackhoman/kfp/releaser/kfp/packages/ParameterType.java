package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** The type of a pipeline input as KFP declares it, with the check a supplied value must pass. */
public enum ParameterType {
  STRING,
  NUMBER_INTEGER,
  NUMBER_DOUBLE,
  BOOLEAN,
  LIST,
  STRUCT,
  TASK_FINAL_STATUS;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * Returns {@code value} as KFP will accept it for an input of this type.
   *
   * <p>A JSON value of the right type is returned as is; text is converted where it parses as the
   * type ({@code "3"} for {@code NUMBER_INTEGER}, {@code "[1,2]"} for {@code LIST}, ...). In an
   * Argo package every parameter is a string, so any scalar becomes its string form.
   *
   * @throws IllegalArgumentException saying which value does not fit which type
   */
  public JsonNode coerce(JsonNode value, PackageFormat format) {
    if (format == PackageFormat.ARGO_WORKFLOW) {
      if (value.isValueNode() && !value.isNull()) {
        return TextNode.valueOf(value.asText());
      }
      throw new IllegalArgumentException(
          "value " + value + " is not a STRING (Argo workflow parameters are strings)");
    }
    if (this == TASK_FINAL_STATUS) {
      throw new IllegalArgumentException(
          "value " + value + " cannot be given: KFP sets a TASK_FINAL_STATUS input itself");
    }
    JsonNode candidate = value.isTextual() && this != STRING ? parsed(value.textValue()) : value;
    if (candidate.isNumber() && this == NUMBER_INTEGER && candidate.canConvertToExactIntegral()) {
      return candidate.isIntegralNumber()
          ? candidate
          : parsed(candidate.decimalValue().toBigIntegerExact().toString());
    }
    if (fits(candidate)) {
      return candidate;
    }
    throw new IllegalArgumentException("value " + value + " is not a " + name());
  }

  private boolean fits(JsonNode candidate) {
    return switch (this) {
      case STRING -> candidate.isTextual();
      case NUMBER_DOUBLE -> candidate.isNumber();
      case BOOLEAN -> candidate.isBoolean();
      case LIST -> candidate.isArray();
      case STRUCT -> candidate.isObject();
      case NUMBER_INTEGER, TASK_FINAL_STATUS -> false;
    };
  }

  private static JsonNode parsed(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException notJson) {
      return TextNode.valueOf(text);
    }
  }
}
