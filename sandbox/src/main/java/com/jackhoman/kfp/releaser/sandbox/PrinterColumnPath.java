package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset CRD printer columns use: {@code .field}, {@code [index]}, {@code [*]} and
 * filters such as {@code [?(@.type=="Ready")]}.
 */
final class PrinterColumnPath {

  private static final Pattern STEP =
      Pattern.compile(
          "\\.([A-Za-z0-9_-]+)"
              + "|\\[(\\d+)]"
              + "|\\[\\?\\(@((?:\\.[A-Za-z0-9_-]+)+)\\s*(==|!=)\\s*[\"']([^\"']*)[\"']\\)]"
              + "|(\\[\\*])");

  /** One step; exactly one of field, index, filter or all is set. */
  private record Step(
      String field, Integer index, String filterPointer, boolean equals, String value) {}

  private final List<Step> steps;

  private PrinterColumnPath(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Parses a printer column's {@code jsonPath}. */
  static PrinterColumnPath parse(String expression) {
    String text = expression.trim();
    Matcher matcher = STEP.matcher(text);
    List<Step> steps = new ArrayList<>();
    int position = 0;
    while (position < text.length()) {
      matcher.region(position, text.length());
      if (!matcher.lookingAt()) {
        throw new IllegalArgumentException("Unsupported JSONPath: " + expression);
      }
      steps.add(
          new Step(
              matcher.group(1),
              matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2)),
              matcher.group(3) == null ? null : matcher.group(3).replace('.', '/'),
              "==".equals(matcher.group(4)),
              matcher.group(5)));
      position = matcher.end();
    }
    return new PrinterColumnPath(steps);
  }

  /** Every value the path selects in {@code object}, in document order. */
  List<JsonNode> select(JsonNode object) {
    List<JsonNode> current = List.of(object);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (step.field() != null) {
          add(next, node.get(step.field()));
        } else if (step.index() != null) {
          add(next, node.isArray() ? node.get(step.index()) : null);
        } else if (step.filterPointer() != null) {
          node.forEach(
              item -> {
                JsonNode value = item.at(step.filterPointer());
                boolean same = value.isValueNode() && value.asText().equals(step.value());
                if (same == step.equals()) {
                  next.add(item);
                }
              });
        } else {
          node.forEach(next::add);
        }
      }
      current = next;
    }
    return current;
  }

  private static void add(List<JsonNode> nodes, JsonNode node) {
    if (node != null && !node.isNull()) {
      nodes.add(node);
    }
  }
}
