package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * kube-apiserver's answer to a {@code SelfSubjectRulesReview} ("what may I do in this namespace?"),
 * which it computes instead of storing: here every verb on every resource, as this server
 * authorizes nothing. JOSDK asks it before it runs for leader.
 */
final class SelfRulesReview {

  private SelfRulesReview() {}

  /** Whether this request creates a SelfSubjectRulesReview. */
  static boolean isAskedBy(ApiPath path) {
    return "authorization.k8s.io".equals(path.group())
        && "selfsubjectrulesreviews".equals(path.resource())
        && path.name() == null;
  }

  /** The review with its status filled in, as kube-apiserver answers the POST. */
  static MockResponse answer(JsonNode review) {
    ObjectNode answered = review.deepCopy();
    answered.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectRulesReview");
    ObjectNode status = answered.putObject("status").put("incomplete", false);
    ObjectNode rule = status.putArray("resourceRules").addObject();
    rule.putArray("verbs").add("*");
    rule.putArray("apiGroups").add("*");
    rule.putArray("resources").add("*");
    ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
    nonResource.putArray("verbs").add("*");
    nonResource.putArray("nonResourceURLs").add("*");
    return ApiStatus.json(201, answered.toString());
  }
}
