package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@code fieldSelector} such as {@code involvedObject.name=hello,metadata.namespace!=demo},
 * matched against whole objects.
 */
final class FieldSelector implements Predicate<JsonNode> {

  /** One term; {@code equal} is false for {@code !=}. */
  private record Term(String pointer, boolean equal, String value) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /** Parses a selector; an empty or absent one selects everything. */
  static FieldSelector parse(String selector) {
    List<Term> terms = new ArrayList<>();
    if (selector != null) {
      for (String term : selector.split(",")) {
        if (term.isBlank()) {
          continue;
        }
        boolean notEqual = term.contains("!=");
        String[] sides = term.split(notEqual ? "!=" : "==?", 2);
        if (sides.length != 2) {
          throw new IllegalArgumentException("invalid field selector term: " + term);
        }
        terms.add(new Term("/" + sides[0].trim().replace('.', '/'), !notEqual, sides[1].trim()));
      }
    }
    return new FieldSelector(terms);
  }

  @Override
  public boolean test(JsonNode object) {
    return terms.stream()
        .allMatch(
            term -> object.at(term.pointer()).asText("").equals(term.value()) == term.equal());
  }
}
