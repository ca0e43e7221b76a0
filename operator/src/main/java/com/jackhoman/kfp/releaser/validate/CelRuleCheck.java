package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} (CEL) rules as kube-apiserver does: each rule
 * at the field that declares it, transition rules (those that read {@code oldSelf}) only on update.
 * Every rule is compiled once, when the check is built.
 */
final class CelRuleCheck {

  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  /** One compiled rule with the message it gives when it does not hold. */
  private record CompiledRule(String message, boolean transition, CelRuntime.Program program) {}

  private final JsonNode schema;
  private final Map<JsonNode, List<CompiledRule>> rulesBySchemaNode = new IdentityHashMap<>();

  CelRuleCheck(JsonNode schema) {
    this.schema = schema;
    compileRulesUnder(schema);
  }

  private void compileRulesUnder(JsonNode schemaNode) {
    if (!schemaNode.isObject()) {
      return;
    }
    compileRulesOf(schemaNode);
    schemaNode.path("properties").forEach(this::compileRulesUnder);
    compileRulesUnder(schemaNode.path("items"));
    compileRulesUnder(schemaNode.path("additionalProperties"));
  }

  private void compileRulesOf(JsonNode schemaNode) {
    JsonNode validations = schemaNode.path("x-kubernetes-validations");
    if (!validations.isArray()) {
      return;
    }
    List<CompiledRule> compiled = new ArrayList<>();
    for (JsonNode validation : validations) {
      String rule = validation.path("rule").asText();
      try {
        CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
        compiled.add(
            new CompiledRule(
                validation.path("message").asText("failed rule: " + rule),
                OLD_SELF.matcher(rule).find(),
                RUNTIME.createProgram(ast)));
      } catch (CelValidationException | CelEvaluationException e) {
        throw new IllegalStateException("CRD rule does not compile: " + rule, e);
      }
    }
    rulesBySchemaNode.put(schemaNode, compiled);
  }

  /**
   * Every rule that does not hold for {@code object}.
   *
   * @param oldObject the stored object on update, or null on create
   */
  List<FieldError> check(JsonNode object, JsonNode oldObject) {
    List<FieldError> errors = new ArrayList<>();
    SchemaWalk.walk(
        schema,
        object,
        oldObject,
        (path, fieldSchema, value, oldValue) -> {
          for (CompiledRule rule : rulesBySchemaNode.getOrDefault(fieldSchema, List.of())) {
            if (rule.transition() && oldValue == null) {
              continue;
            }
            if (!holds(rule, value, oldValue)) {
              errors.add(
                  new FieldError(
                      path,
                      FieldError.INVALID,
                      "Invalid value: \"" + typeName(value) + "\": " + rule.message()));
            }
          }
        });
    return errors;
  }

  /**
   * Whether the rule holds. A rule that cannot be evaluated (say {@code timestamp()} of a string
   * that is not a timestamp) counts as holding: the schema check already reports that field.
   */
  private static boolean holds(CompiledRule rule, JsonNode value, JsonNode oldValue) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", toCel(value));
    if (oldValue != null) {
      variables.put("oldSelf", toCel(oldValue));
    }
    try {
      return !Boolean.FALSE.equals(rule.program().eval(variables));
    } catch (CelEvaluationException e) {
      return true;
    }
  }

  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isNull()) {
          map.put(field.getKey(), toCel(field.getValue()));
        }
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toCel(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  private static String typeName(JsonNode value) {
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    return value.isTextual() ? "string" : value.asText();
  }
}
