package com.jackhoman.kfp.releaser.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes API request path taken apart: group, version, namespace, resource, name, subresource
 * and query parameters.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param namespace the namespace in the path, or null
 * @param resource the plural resource name, or null for discovery paths
 * @param name the object name, or null for collections
 * @param subresource e.g. {@code status}, or null
 * @param query the decoded query parameters
 */
public record ApiPath(
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource,
    Map<String, String> query) {

  /** Parses a request line's path with its query, e.g. {@code /api/v1/namespaces/demo}. */
  public static ApiPath parse(String pathAndQuery) {
    int questionMark = pathAndQuery.indexOf('?');
    String path = questionMark < 0 ? pathAndQuery : pathAndQuery.substring(0, questionMark);
    Map<String, String> query =
        questionMark < 0 ? Map.of() : decodeQuery(pathAndQuery.substring(questionMark + 1));
    List<String> segments =
        Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    int prefix;
    String group;
    if (segments.size() >= 2 && segments.get(0).equals("api")) {
      prefix = 2;
      group = "";
    } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
      prefix = 3;
      group = segments.get(1);
    } else {
      return new ApiPath(null, null, null, null, null, null, query);
    }
    String version = segments.get(prefix - 1);
    List<String> rest = segments.subList(prefix, segments.size());
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    return new ApiPath(group, version, namespace, at(rest, 0), at(rest, 1), at(rest, 2), query);
  }

  private static String at(List<String> segments, int index) {
    return index < segments.size() ? segments.get(index) : null;
  }

  private static Map<String, String> decodeQuery(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return Map.copyOf(parameters);
  }

  /** A query parameter, if present. */
  public Optional<String> parameter(String key) {
    return Optional.ofNullable(query.get(key));
  }

  /** Whether this addresses the status subresource of one object. */
  public boolean isStatus() {
    return "status".equals(subresource);
  }

  /** Whether this addresses a resource of the core group ({@code /api/v1}). */
  public boolean isCore() {
    return "".equals(group);
  }

  /** The path of the collection this object belongs to, without query. */
  public String collectionPath() {
    StringBuilder path = new StringBuilder(isCore() ? "/api/" : "/apis/" + group + "/");
    path.append(version);
    if (namespace != null) {
      path.append("/namespaces/").append(namespace);
    }
    return path.append('/').append(resource).toString();
  }

  /** The same resource with this object name, without subresource or query. */
  public ApiPath withName(String objectName) {
    return new ApiPath(group, version, namespace, resource, objectName, null, Map.of());
  }

  /** The path of the object itself (no subresource, no query). */
  public String objectPath() {
    return collectionPath() + "/" + name;
  }
}
