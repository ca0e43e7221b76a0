package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of our objects found among the checked documents.
 *
 * @param document where it was read from
 * @param kind its kind
 * @param namespace its namespace, empty when the manifest leaves it to kubectl or Argo CD
 * @param name its name, or its generateName followed by {@code *}
 */
record CheckedObject(SourceDocument document, KindSchema kind, String namespace, String name) {

  static CheckedObject of(SourceDocument document, KindSchema kind) {
    JsonNode metadata = document.content().path("metadata");
    String name = metadata.path("name").asText("");
    return new CheckedObject(
        document,
        kind,
        metadata.path("namespace").asText(""),
        name.isEmpty() ? metadata.path("generateName").asText("") + "*" : name);
  }

  JsonNode spec() {
    return document.content().path("spec");
  }

  /** How problems name it: {@code Kind namespace/name}, or {@code Kind name} without namespace. */
  String label() {
    return kind.kind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  /** A problem about one field of this object. */
  Problem problem(String field, String message, Problem.Severity severity) {
    return new Problem(document.source(), label(), field, message, severity);
  }
}
