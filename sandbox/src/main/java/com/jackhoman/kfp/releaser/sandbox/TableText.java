package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Prints a {@code meta.k8s.io/v1} Table as {@code kubectl get -A} does: padded columns. */
final class TableText {

  private TableText() {}

  /** The table's text; {@code namespaced} adds kubectl's NAMESPACE column first. */
  static String of(JsonNode table, boolean namespaced) {
    List<List<String>> lines = new ArrayList<>();
    List<String> header = new ArrayList<>();
    if (namespaced) {
      header.add("NAMESPACE");
    }
    List<Integer> shown = new ArrayList<>();
    JsonNode columns = table.path("columnDefinitions");
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).path("priority").asInt(0) == 0) {
        shown.add(i);
        header.add(columns.get(i).path("name").asText().toUpperCase(java.util.Locale.ROOT));
      }
    }
    lines.add(header);
    for (JsonNode row : table.path("rows")) {
      List<String> line = new ArrayList<>();
      if (namespaced) {
        line.add(row.at("/object/metadata/namespace").asText(""));
      }
      for (int i : shown) {
        JsonNode cell = row.path("cells").path(i);
        line.add(cell.isNull() || cell.isMissingNode() ? "" : cell.asText());
      }
      lines.add(line);
    }
    return pad(lines);
  }

  /** Pads cells to their column's width, three spaces apart, as kubectl does. */
  static String pad(List<List<String>> lines) {
    int width = lines.get(0).size();
    int[] widths = new int[width];
    for (List<String> line : lines) {
      for (int i = 0; i < width; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < width; i++) {
        out.append(line.get(i));
        if (i < width - 1) {
          out.append(" ".repeat(widths[i] - line.get(i).length() + 3));
        }
      }
      text.append(out.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
