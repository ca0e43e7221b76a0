package com.jackhoman.kfp.releaser.runtime;

import java.util.ArrayList;
import java.util.List;

/** The comma-separated terms of a Kubernetes label selector, commas inside {@code (...)} kept. */
public final class LabelSelectorTerms {

  private LabelSelectorTerms() {}

  /** The terms of {@code selector}, as written (not trimmed). */
  public static List<String> of(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }
}
