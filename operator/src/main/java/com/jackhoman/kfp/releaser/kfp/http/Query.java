package com.jackhoman.kfp.releaser.kfp.http;

import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/** The query parameters of one KFP call, in order; empty values are left out. */
public final class Query {

  private final List<NameValuePair> parameters;

  private Query(List<NameValuePair> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /** No parameters. */
  public static Query none() {
    return new Query(List.of());
  }

  /** This query plus one parameter, unless the value is null or empty. */
  public Query and(String name, String value) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    List<NameValuePair> more = new ArrayList<>(parameters);
    more.add(new BasicNameValuePair(name, value));
    return new Query(more);
  }

  List<NameValuePair> parameters() {
    return parameters;
  }
}
