package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes the fields a custom resource's structural schema does not declare, as kube-apiserver does
 * while decoding it, and names them as kube-apiserver names them in {@code strict decoding error:
 * unknown field "..."}.
 *
 * <p>Taken from kube-apiserver v1.32: {@code apiextensions-apiserver/pkg/apiserver/
 * customresource_handler.go} ({@code unstructuredSchemaCoercer.apply}: the unknown fields of {@code
 * metadata} first, found by decoding it strictly into {@code ObjectMeta}, then the pruned ones) and
 * {@code apiextensions-apiserver/pkg/apiserver/schema/pruning/algorithm.go} ({@code
 * PruneWithOptions}: a map under a schema without a property or {@code additionalProperties} for a
 * key loses the key, also where the schema expects another type, as an array; {@code
 * x-kubernetes-preserve-unknown-fields} keeps what it does not declare; the paths come back
 * sorted). Our CRDs preserve no unknown fields at the root and embed no resources, so neither is
 * handled.
 */
public final class UnknownFieldPruning {

  /** The fields of {@code ObjectMeta} (k8s.io/apimachinery/pkg/apis/meta/v1/types.go). */
  private static final Set<String> OBJECT_META =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private static final Set<String> TYPE_AND_OBJECT_META = Set.of("apiVersion", "kind", "metadata");

  private UnknownFieldPruning() {}

  /**
   * Removes from {@code object} every field {@code schema} does not declare and returns their
   * paths: those of {@code metadata} first, then the others, sorted (e.g. {@code spec.colour},
   * {@code spec.parameters.message}).
   */
  public static List<String> prune(JsonNode schema, ObjectNode object) {
    List<String> unknown = new ArrayList<>();
    if (object.get("metadata") instanceof ObjectNode metadata) {
      List<String> names = new ArrayList<>();
      metadata.fieldNames().forEachRemaining(names::add);
      names.stream()
          .filter(name -> !OBJECT_META.contains(name))
          .sorted()
          .forEach(
              name -> {
                metadata.remove(name);
                unknown.add("metadata." + name);
              });
    }
    List<String> pruned = new ArrayList<>();
    pruneFields("", schema, object, true, pruned);
    pruned.sort(null);
    unknown.addAll(pruned);
    return unknown;
  }

  private static void prune(String path, JsonNode schema, JsonNode value, List<String> pruned) {
    if (schema != null && schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      keepUnknown(path, schema, value, pruned);
    } else if (value instanceof ObjectNode fields) {
      pruneFields(path, schema, fields, false, pruned);
    } else if (value instanceof ArrayNode items) {
      JsonNode itemSchema = schema == null ? null : schema.get("items");
      for (int i = 0; i < items.size(); i++) {
        prune(path + "[" + i + "]", itemSchema, items.get(i), pruned);
      }
    }
  }

  /**
   * A map: keys the schema declares are walked into, the others removed; at the root ({@code
   * root}), {@code apiVersion}, {@code kind} and {@code metadata} are left alone.
   */
  private static void pruneFields(
      String path, JsonNode schema, ObjectNode fields, boolean root, List<String> pruned) {
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (root && TYPE_AND_OBJECT_META.contains(key)) {
        continue;
      }
      JsonNode fieldSchema = fieldSchema(schema, key);
      if (fieldSchema != null) {
        prune(SchemaWalk.join(path, key), fieldSchema, field.getValue(), pruned);
      } else {
        pruned.add(SchemaWalk.join(path, key));
        it.remove();
      }
    }
  }

  /** Under {@code x-kubernetes-preserve-unknown-fields}: only declared fields are walked into. */
  private static void keepUnknown(String path, JsonNode schema, JsonNode value, List<String> out) {
    if (value instanceof ObjectNode fields) {
      fields
          .fields()
          .forEachRemaining(
              field -> {
                JsonNode fieldSchema = fieldSchema(schema, field.getKey());
                if (fieldSchema != null) {
                  prune(SchemaWalk.join(path, field.getKey()), fieldSchema, field.getValue(), out);
                }
              });
    } else if (value instanceof ArrayNode items && schema.has("items")) {
      for (int i = 0; i < items.size(); i++) {
        keepUnknown(path + "[" + i + "]", schema.get("items"), items.get(i), out);
      }
    }
  }

  private static JsonNode fieldSchema(JsonNode schema, String key) {
    if (schema == null) {
      return null;
    }
    JsonNode property = schema.path("properties").get(key);
    if (property != null) {
      return property;
    }
    JsonNode additional = schema.get("additionalProperties");
    return additional != null && additional.isObject() ? additional : null;
  }
}
