package com.jackhoman.kfp.releaser.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the emulator's endpoints see it: decoded query, lower-cased headers, raw body
 * and the path variables of the matched route.
 */
record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    Map<String, String> pathVariables) {

  ApiRequest withPathVariables(Map<String, String> variables) {
    return new ApiRequest(method, path, query, headers, body, Map.copyOf(variables));
  }

  String pathVariable(String name) {
    return pathVariables.get(name);
  }

  /** The first value of a query parameter, absent when missing or empty. */
  Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(values.get(0));
  }

  Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }
}
