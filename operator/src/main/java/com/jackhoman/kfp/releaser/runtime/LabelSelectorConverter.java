package com.jackhoman.kfp.releaser.runtime;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a Kubernetes label selector as {@code kubectl get -l} takes it ({@code shard=a}, {@code
 * team in (a,b),!legacy}), checked here by the grammar of apimachinery's {@code labels.Parse}
 * (pkg/labels/selector.go) so that a typo is a usage error naming the flag, not a 400 from the API
 * server when the informers start. Empty means every object.
 */
public final class LabelSelectorConverter implements ITypeConverter<String> {

  private static final String NAME = "([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)";
  private static final String KEY =
      "(([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)/)?" + NAME;
  private static final String VALUE = "(" + NAME + ")?";
  private static final Pattern TERM =
      Pattern.compile(
          "!?"
              + KEY
              + "|"
              + KEY
              + "\\s*(=|==|!=)\\s*"
              + VALUE
              + "|"
              + KEY
              + "\\s+(in|notin)\\s*\\(\\s*"
              + VALUE
              + "(\\s*,\\s*"
              + VALUE
              + ")*\\s*\\)");

  @Override
  public String convert(String value) {
    String selector = value.trim();
    if (selector.isEmpty()) {
      return selector;
    }
    for (String term : LabelSelectorTerms.of(selector)) {
      if (!TERM.matcher(term.trim()).matches()) {
        throw new TypeConversionException(
            "'"
                + term.trim()
                + "' is not a label selector term; write e.g. shard=a, shard!=b, shard in (a,b),"
                + " shard or !shard, terms separated by commas");
      }
    }
    return selector;
  }
}
