package com.jackhoman.kfp.releaser.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.sandbox.ApiPath;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One thing Kubernetes RBAC allows or denies: a verb on a resource (with its subresource, e.g.
 * {@code pipelines/status}) of an API group ({@code ""} for the core group).
 *
 * @param apiGroup the API group, {@code ""} for core
 * @param resource the plural resource, with {@code /subresource} if any
 * @param verb the RBAC verb
 */
record Permission(String apiGroup, String resource, String verb) {

  /**
   * The permission the API server checks for this request, read from its path as kube-apiserver's
   * request-info resolver does (GET of one object is get, of a collection list or watch, POST
   * create, PUT update, PATCH patch, DELETE of one object delete, of a collection
   * deletecollection); empty for paths that name no resource (discovery, /version).
   */
  static Optional<Permission> of(String method, URI uri) {
    ApiPath path =
        ApiPath.parse(
            uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    if (path.resource() == null) {
      return Optional.empty();
    }
    boolean one = path.name() != null;
    String verb =
        switch (method) {
          case "GET" ->
              one ? "get" : path.parameter("watch").orElse("").equals("true") ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> one ? "delete" : "deletecollection";
          default -> throw new IllegalArgumentException("No RBAC verb for " + method + " " + uri);
        };
    String resource =
        path.subresource() == null ? path.resource() : path.resource() + "/" + path.subresource();
    return Optional.of(new Permission(path.group(), resource, verb));
  }

  /** Every permission the {@code rules} of a Role or ClusterRole grant, one per combination. */
  static Set<Permission> grantedBy(JsonNode rules) {
    Set<Permission> granted = new HashSet<>();
    for (JsonNode rule : rules) {
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          for (JsonNode verb : rule.path("verbs")) {
            granted.add(new Permission(group.asText(), resource.asText(), verb.asText()));
          }
        }
      }
    }
    return granted;
  }

  @Override
  public String toString() {
    return verb + " " + (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource;
  }
}
