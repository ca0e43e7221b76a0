package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.validate.StorageLimits;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code Status} responses kube-apiserver answers with, worded as it words them. */
final class ApiStatus {

  private ApiStatus() {}

  /** 404 for an object that does not exist. */
  static MockResponse notFound(ApiPath path) {
    return failure(
        404,
        "NotFound",
        qualifiedResource(path) + " \"" + path.name() + "\" not found",
        details(path, path.name()));
  }

  /** 409 for a write based on a stale {@code metadata.resourceVersion}. */
  static MockResponse conflict(ApiPath path) {
    return failure(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + qualifiedResource(path)
            + " \""
            + path.name()
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again",
        details(path, path.name()));
  }

  /** 409 for a create of an object that exists. */
  static MockResponse alreadyExists(ApiPath path, String name) {
    return failure(
        409,
        "AlreadyExists",
        qualifiedResource(path) + " \"" + name + "\" already exists",
        details(path, name));
  }

  /** 415 for a strategic merge patch of a custom resource. */
  static MockResponse unsupportedPatchType() {
    return failure(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include:"
            + " application/json-patch+json, application/merge-patch+json,"
            + " application/apply-patch+yaml",
        null);
  }

  /** 422 for a server-side apply without {@code fieldManager}. */
  static MockResponse fieldManagerRequired() {
    String message = "Required value: is required for apply patch";
    return failure(
        422,
        "Invalid",
        "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: " + message,
        new StatusDetailsBuilder()
            .withGroup("meta.k8s.io")
            .withKind("PatchOptions")
            .withCauses(new StatusCause("fieldManager", message, "FieldValueRequired"))
            .build());
  }

  /** 422 for an object that breaks its schema or rules, listing every cause. */
  static MockResponse invalid(ApiPath path, String kind, String name, List<StatusCause> causes) {
    String listed =
        causes.stream()
            .map(cause -> cause.getField() + ": " + cause.getMessage())
            .collect(Collectors.joining(", "));
    return failure(
        422,
        "Invalid",
        kind
            + "."
            + path.group()
            + " \""
            + name
            + "\" is invalid: "
            + (causes.size() == 1 ? listed : "[" + listed + "]"),
        new StatusDetailsBuilder()
            .withName(name)
            .withGroup(path.group())
            .withKind(kind)
            .withCauses(causes)
            .build());
  }

  /**
   * What kube-apiserver answers for a write a default cluster will not store: 413 {@code
   * RequestEntityTooLarge} for a body over its limit, 500 without a reason when etcd or its client
   * refuse it (recorded from kube-apiserver v1.32.13 here: {@code {"kind":"Status",
   * "apiVersion":"v1","metadata":{},"status":"Failure","message":"etcdserver: request is too
   * large","code":500}}).
   */
  static MockResponse tooLarge(StorageLimits.Refusal refusal) {
    return failure(
        refusal.code(),
        refusal.code() == 413 ? "RequestEntityTooLarge" : null,
        refusal.message(),
        null);
  }

  /**
   * 400 for unknown fields under {@code fieldValidation=Strict}, listed in the order given
   * (recorded from kube-apiserver v1.32.13 here: {@code Pipeline in version "v1alpha1" cannot be
   * handled as a Pipeline: strict decoding error: unknown field "metadata.foo", unknown field
   * "extra", unknown field "spec.alpha"}).
   */
  static MockResponse strictDecodingError(JsonNode object, List<String> unknownFields) {
    String kind = object.path("kind").asText();
    String apiVersion = object.path("apiVersion").asText();
    return badRequest(
        kind
            + " in version \""
            + apiVersion.substring(apiVersion.indexOf('/') + 1)
            + "\" cannot be handled as a "
            + kind
            + ": strict decoding error: "
            + unknownFields.stream()
                .map(field -> "unknown field \"" + field + "\"")
                .collect(Collectors.joining(", ")));
  }

  /**
   * 403 for a create in a namespace being deleted, as the NamespaceLifecycle admission plugin words
   * it (k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go, {@code
   * Lifecycle.Admit}; recorded from kube-apiserver v1.32.13 here).
   */
  static MockResponse namespaceTerminating(ApiPath path, String name, String namespace) {
    StatusDetails details = details(path, name);
    details.setCauses(
        List.of(
            new StatusCause(
                "metadata.namespace",
                "namespace " + namespace + " is being terminated",
                "NamespaceTerminating")));
    return failure(
        403,
        "Forbidden",
        qualifiedResource(path)
            + " \""
            + name
            + "\" is forbidden: unable to create new content in namespace "
            + namespace
            + " because it is being terminated",
        details);
  }

  /** 400 for a body that is not an object of the addressed resource. */
  static MockResponse badRequest(String message) {
    return failure(400, "BadRequest", message, null);
  }

  /** 200 for an object deleted at once. */
  static MockResponse deleted(ApiPath path, String uid) {
    Status status =
        new StatusBuilder()
            .withStatus("Success")
            .withDetails(
                new StatusDetailsBuilder()
                    .withName(path.name())
                    .withGroup(path.isCore() ? null : path.group())
                    .withKind(path.resource())
                    .withUid(uid)
                    .build())
            .build();
    return json(200, Serialization.asJson(status));
  }

  /** A response with a JSON body. */
  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse failure(
      int code, String reason, String message, StatusDetails details) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(code)
            .withReason(reason)
            .withMessage(message)
            .withDetails(details)
            .build();
    return json(code, Serialization.asJson(status));
  }

  private static StatusDetails details(ApiPath path, String name) {
    return new StatusDetailsBuilder()
        .withName(name)
        .withGroup(path.isCore() ? null : path.group())
        .withKind(path.resource())
        .build();
  }

  /** {@code pipelines.kfp.jackhoman.com}, or {@code namespaces} for the core group. */
  static String qualifiedResource(ApiPath path) {
    return path.isCore() ? path.resource() : path.resource() + "." + path.group();
  }
}
