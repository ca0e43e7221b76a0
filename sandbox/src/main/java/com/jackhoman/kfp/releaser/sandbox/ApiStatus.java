package com.jackhoman.kfp.releaser.sandbox;

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

  /** 413 for a request body over {@code limit} bytes, as kube-apiserver words it. */
  static MockResponse requestEntityTooLarge(long limit) {
    return failure(
        413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit, null);
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
