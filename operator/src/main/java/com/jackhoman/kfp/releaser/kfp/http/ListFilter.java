package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A KFP list filter: predicates ANDed, as JSON, percent-encoded once here because KFP decodes the
 * query value twice (the query builder encodes it the second time).
 */
public final class ListFilter {

  /**
   * The spelling of the predicate's operator key: {@code op} on v1beta1, {@code operation} on
   * v2beta1.
   */
  public enum Dialect {
    V1BETA1("op"),
    V2BETA1("operation");

    private final String operatorKey;

    Dialect(String operatorKey) {
      this.operatorKey = operatorKey;
    }
  }

  private final Dialect dialect;
  private final JsonArray predicates = new JsonArray();

  private ListFilter(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A filter with no predicates yet. */
  public static ListFilter in(Dialect dialect) {
    return new ListFilter(dialect);
  }

  /** Adds "key equals value". */
  public ListFilter equalTo(String key, String value) {
    return add(key, "EQUALS", value);
  }

  /** Adds "key contains value" (SQL LIKE, so the caller re-checks the matches). */
  public ListFilter contains(String key, String value) {
    return add(key, "IS_SUBSTRING", value);
  }

  /** The value to put in the {@code filter} query parameter. */
  public String encoded() {
    JsonObject filter = new JsonObject();
    filter.add("predicates", predicates);
    return URLEncoder.encode(filter.toString(), StandardCharsets.UTF_8);
  }

  private ListFilter add(String key, String operation, String value) {
    JsonObject predicate = new JsonObject();
    predicate.addProperty("key", key);
    predicate.addProperty(dialect.operatorKey, operation);
    predicate.addProperty("string_value", value);
    predicates.add(predicate);
    return this;
  }
}
