package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.runtime.LabelSelectorTerms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code labelSelector} such as {@code shard=a,team in (x,y),!legacy}, matched against whole
 * objects as kube-apiserver matches lists and watch events: apimachinery's pkg/labels/selector.go
 * ({@code Requirement.Matches}): {@code =}, {@code ==} and {@code in} need the label with one of
 * the values, {@code !=} and {@code notin} hold also without the label, {@code key} needs the
 * label, {@code !key} its absence; all terms must hold.
 */
final class LabelSelector implements Predicate<JsonNode> {

  private static final Pattern SET =
      Pattern.compile("^\\s*([^\\s!=()]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*$");
  private static final Pattern EQUALITY =
      Pattern.compile("^\\s*([^\\s!=()]+)\\s*(==|=|!=)\\s*([^\\s,()]*)\\s*$");
  private static final Pattern EXISTS = Pattern.compile("^\\s*(!?)([^\\s!=()]+)\\s*$");

  /** One term: the label must (or must not, {@code negated}) have one of {@code values}. */
  private record Term(String key, boolean negated, Set<String> values) {

    /** A term on the label's presence alone has null values. */
    boolean test(JsonNode labels) {
      boolean has = labels.has(key);
      if (values == null) {
        return has != negated;
      }
      boolean valueIn = has && values.contains(labels.get(key).asText());
      return negated ? !valueIn : valueIn;
    }
  }

  private final List<Term> terms;

  private LabelSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /** Parses a selector; an empty or absent one selects everything. */
  static LabelSelector parse(String selector) {
    List<Term> terms = new ArrayList<>();
    if (selector != null && !selector.isBlank()) {
      for (String term : LabelSelectorTerms.of(selector)) {
        terms.add(term(term));
      }
    }
    return new LabelSelector(terms);
  }

  private static Term term(String term) {
    Matcher set = SET.matcher(term);
    if (set.matches()) {
      Set<String> values =
          Arrays.stream(set.group(3).split(",")).map(String::trim).collect(Collectors.toSet());
      return new Term(set.group(1), set.group(2).equals("notin"), values);
    }
    Matcher equality = EQUALITY.matcher(term);
    if (equality.matches()) {
      return new Term(equality.group(1), equality.group(2).equals("!="), Set.of(equality.group(3)));
    }
    Matcher exists = EXISTS.matcher(term);
    if (exists.matches()) {
      return new Term(exists.group(2), !exists.group(1).isEmpty(), null);
    }
    throw new IllegalArgumentException("invalid label selector term: " + term);
  }

  @Override
  public boolean test(JsonNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    return terms.stream().allMatch(term -> term.test(labels));
  }
}
