package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks an object against its CRD's schema with the networknt JSON-schema validator and words each
 * violation as kube-apiserver does ({@code Required value}, {@code Unsupported value: ...}).
 */
final class SchemaCheck {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).locale(Locale.ROOT).build();

  private final JsonSchema schema;

  SchemaCheck(JsonNode openApiSchema) {
    this.schema = FACTORY.getSchema(OpenApiSchemaTranslation.translate(openApiSchema), CONFIG);
  }

  /** Every schema violation in {@code object}, ordered by field path. */
  List<FieldError> check(JsonNode object) {
    List<FieldError> errors = new ArrayList<>();
    for (ValidationMessage violation : schema.validate(object)) {
      errors.add(toFieldError(violation));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return errors;
  }

  private static FieldError toFieldError(ValidationMessage violation) {
    String path = path(violation.getInstanceLocation());
    JsonNode value = violation.getInstanceNode();
    JsonNode rule = violation.getSchemaNode();
    return switch (violation.getType()) {
      case "required" ->
          new FieldError(
              SchemaWalk.join(path, violation.getProperty()),
              "FieldValueRequired",
              "Required value");
      case "enum" ->
          new FieldError(
              path,
              "FieldValueNotSupported",
              "Unsupported value: "
                  + value
                  + ": supported values: "
                  + StreamSupport.stream(rule.spliterator(), false)
                      .map(JsonNode::toString)
                      .collect(Collectors.joining(", ")));
      case "maxLength" ->
          new FieldError(path, "FieldValueTooLong", "Too long: may not be longer than " + rule);
      case "pattern" -> invalid(path, value, "should match '" + rule.asText() + "'");
      case "maximum" -> invalid(path, value, "should be less than or equal to " + rule);
      case "minimum" -> invalid(path, value, "should be greater than or equal to " + rule);
      case "minLength" -> invalid(path, value, "should be at least " + rule + " chars long");
      case "type" ->
          invalid(path, value, "must be of type " + typeList(rule) + ": \"" + kindOf(value) + "\"");
      case "format" -> invalid(path, value, "must be of type " + rule.asText() + ": " + value);
      default -> invalid(path, value, violation.getMessage());
    };
  }

  private static FieldError invalid(String path, JsonNode value, String rule) {
    String shown =
        value == null
            ? "null"
            : value.isContainerNode() ? "\"" + kindOf(value) + "\"" : value.toString();
    return new FieldError(
        path, FieldError.INVALID, "Invalid value: " + shown + ": " + path + " in body " + rule);
  }

  private static String typeList(JsonNode type) {
    return type.isArray()
        ? StreamSupport.stream(type.spliterator(), false)
            .map(JsonNode::asText)
            .collect(Collectors.joining(" or "))
        : type.asText();
  }

  private static String kindOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "string";
  }

  private static String path(JsonNodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    return path.toString();
  }
}
