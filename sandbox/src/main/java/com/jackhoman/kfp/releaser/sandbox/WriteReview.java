package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides, before a write is stored, whether kube-apiserver would refuse it. */
@FunctionalInterface
public interface WriteReview {

  /** Refuses nothing. */
  WriteReview ALLOW_ALL = (path, object, oldObject) -> Optional.empty();

  /**
   * The error response for this write, or empty when it may be stored.
   *
   * @param path where the write was sent, with its query
   * @param object the object as it would be stored, its unknown fields pruned already
   * @param oldObject the stored object on update, or null on create
   */
  Optional<MockResponse> refusal(ApiPath path, JsonNode object, JsonNode oldObject);

  /**
   * Removes from {@code object} the fields kube-apiserver's decoding drops because the schema of
   * its kind does not declare them, and names them in the order kube-apiserver reports them; by
   * default the object's kind has no schema and nothing is removed.
   */
  default List<String> pruneUnknownFields(ObjectNode object) {
    return List.of();
  }

  /** This review and then {@code next}: both prune, and the first refusal is the answer. */
  default WriteReview and(WriteReview next) {
    WriteReview first = this;
    return new WriteReview() {
      @Override
      public Optional<MockResponse> refusal(ApiPath path, JsonNode object, JsonNode oldObject) {
        return first
            .refusal(path, object, oldObject)
            .or(() -> next.refusal(path, object, oldObject));
      }

      @Override
      public List<String> pruneUnknownFields(ObjectNode object) {
        List<String> pruned = new ArrayList<>(first.pruneUnknownFields(object));
        pruned.addAll(next.pruneUnknownFields(object));
        return pruned;
      }
    };
  }
}
