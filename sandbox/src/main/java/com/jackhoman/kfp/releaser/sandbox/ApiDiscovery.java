package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API discovery as kubectl reads it: aggregated ({@code apidiscovery.k8s.io/v2}) when asked for,
 * legacy {@code APIVersions}/{@code APIGroupList}/{@code APIResourceList} otherwise.
 */
final class ApiDiscovery {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String AGGREGATED_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  private static final List<String> VERBS =
      List.of("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch");

  private final ServedResources served;

  ApiDiscovery(ServedResources served) {
    this.served = served;
  }

  /** The discovery document at {@code path}, or empty if the path is not a discovery path. */
  Optional<MockResponse> answer(String path, String accept) {
    boolean aggregated = accept != null && accept.contains("as=APIGroupDiscoveryList");
    Map<String, List<ServedResource>> byGroupVersion = byGroupVersion();
    if (path.equals("/api")) {
      return Optional.of(aggregated ? aggregated(byGroupVersion, true) : apiVersions());
    }
    if (path.equals("/apis")) {
      return Optional.of(
          aggregated ? aggregated(byGroupVersion, false) : groupList(byGroupVersion));
    }
    String groupVersion = path.replaceFirst("^/apis?/", "");
    if (byGroupVersion.containsKey(groupVersion)) {
      return Optional.of(resourceList(groupVersion, byGroupVersion.get(groupVersion)));
    }
    return byGroupVersion.keySet().stream()
        .filter(gv -> path.equals("/apis/" + gv.substring(0, Math.max(0, gv.indexOf('/')))))
        .findFirst()
        .map(gv -> json(group(gv.substring(0, gv.indexOf('/')), gv).put("kind", "APIGroup")));
  }

  private Map<String, List<ServedResource>> byGroupVersion() {
    Map<String, List<ServedResource>> groups = new LinkedHashMap<>();
    served.all().stream()
        .sorted(Comparator.comparing(ServedResource::plural))
        .forEach(r -> groups.computeIfAbsent(r.apiVersion(), gv -> new ArrayList<>()).add(r));
    return groups;
  }

  private static MockResponse apiVersions() {
    ObjectNode versions = NODES.objectNode().put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    versions
        .putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", "127.0.0.1");
    return json(versions);
  }

  private static MockResponse groupList(Map<String, List<ServedResource>> byGroupVersion) {
    ObjectNode list = NODES.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    byGroupVersion.keySet().stream()
        .filter(gv -> gv.contains("/"))
        .forEach(gv -> groups.add(group(gv.substring(0, gv.indexOf('/')), gv)));
    return json(list);
  }

  private static ObjectNode group(String name, String groupVersion) {
    ObjectNode group = NODES.objectNode().put("name", name);
    ObjectNode version =
        NODES
            .objectNode()
            .put("groupVersion", groupVersion)
            .put("version", groupVersion.substring(groupVersion.indexOf('/') + 1));
    group.putArray("versions").add(version);
    group.set("preferredVersion", version.deepCopy());
    return group;
  }

  private static MockResponse resourceList(String groupVersion, List<ServedResource> resources) {
    ObjectNode list =
        NODES
            .objectNode()
            .put("kind", "APIResourceList")
            .put("apiVersion", "v1")
            .put("groupVersion", groupVersion);
    ArrayNode items = list.putArray("resources");
    for (ServedResource resource : resources) {
      ObjectNode item =
          items
              .addObject()
              .put("name", resource.plural())
              .put("singularName", resource.singular())
              .put("namespaced", resource.namespaced())
              .put("kind", resource.kind());
      strings(item.putArray("verbs"), VERBS);
      strings(item.putArray("shortNames"), resource.shortNames());
      strings(item.putArray("categories"), resource.categories());
      if (resource.hasStatus()) {
        ObjectNode status =
            items
                .addObject()
                .put("name", resource.plural() + "/status")
                .put("singularName", "")
                .put("namespaced", resource.namespaced())
                .put("kind", resource.kind());
        strings(status.putArray("verbs"), List.of("get", "patch", "update"));
      }
    }
    return json(list);
  }

  private static MockResponse aggregated(
      Map<String, List<ServedResource>> byGroupVersion, boolean core) {
    ObjectNode list =
        NODES
            .objectNode()
            .put("kind", "APIGroupDiscoveryList")
            .put("apiVersion", "apidiscovery.k8s.io/v2");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    byGroupVersion.forEach(
        (groupVersion, resources) -> {
          boolean isCore = !groupVersion.contains("/");
          if (isCore != core) {
            return;
          }
          ObjectNode item = items.addObject();
          ObjectNode metadata = item.putObject("metadata");
          if (!isCore) {
            metadata.put("name", resources.get(0).group());
          }
          ObjectNode version = item.putArray("versions").addObject();
          version.put("version", resources.get(0).version()).put("freshness", "Current");
          ArrayNode entries = version.putArray("resources");
          resources.forEach(resource -> entries.add(aggregatedResource(resource)));
        });
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", AGGREGATED_TYPE)
        .setBody(list.toString());
  }

  private static ObjectNode aggregatedResource(ServedResource resource) {
    ObjectNode entry =
        NODES
            .objectNode()
            .put("resource", resource.plural())
            .put("scope", resource.namespaced() ? "Namespaced" : "Cluster")
            .put("singularResource", resource.singular());
    entry.set("responseKind", resource.groupVersionKind());
    strings(entry.putArray("verbs"), VERBS);
    strings(entry.putArray("shortNames"), resource.shortNames());
    strings(entry.putArray("categories"), resource.categories());
    if (resource.hasStatus()) {
      ObjectNode status = entry.putArray("subresources").addObject().put("subresource", "status");
      status.set("responseKind", resource.groupVersionKind());
      strings(status.putArray("verbs"), List.of("get", "patch", "update"));
    }
    return entry;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static MockResponse json(ObjectNode body) {
    return ApiStatus.json(200, body.toString());
  }
}
