package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
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
   * @param object the object as it would be stored
   * @param oldObject the stored object on update, or null on create
   */
  Optional<MockResponse> refusal(ApiPath path, JsonNode object, JsonNode oldObject);
}
