package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A KFP API failure carrying the HTTP status and gRPC code the real server would answer with. */
final class KfpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int grpcCode;
  private final boolean uploadMessage;

  private KfpError(int httpStatus, int grpcCode, String message) {
    this(httpStatus, grpcCode, message, false);
  }

  private KfpError(int httpStatus, int grpcCode, String message, boolean uploadMessage) {
    super(message);
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
    this.uploadMessage = uploadMessage;
  }

  /**
   * An upload handler's own failure: {@code writeErrorToResponse(w, status, err)} in {@code
   * server/pipeline_upload_server.go} writes {@code err.Error()} as both fields whatever the
   * status.
   */
  static KfpError upload(int httpStatus, String message) {
    return new KfpError(httpStatus, httpStatus == 400 ? 3 : 13, message, true);
  }

  static KfpError invalidArgument(String message) {
    return new KfpError(400, 3, message);
  }

  static KfpError notFound(String message) {
    return new KfpError(404, 5, message);
  }

  static KfpError alreadyExists(String message) {
    return new KfpError(409, 6, message);
  }

  static KfpError aborted(String message) {
    return new KfpError(409, 10, message);
  }

  static KfpError unauthenticated(String message) {
    return new KfpError(401, 16, message);
  }

  static KfpError internal(String message) {
    return new KfpError(500, 13, "Internal error: " + message);
  }

  /** A 500 whose message is the server's own text, without the emulator's prefix. */
  static KfpError internalAsIs(String message) {
    return new KfpError(500, 13, message);
  }

  static KfpError unavailable(String message) {
    return new KfpError(503, 14, message);
  }

  static KfpError unimplemented(String message) {
    return new KfpError(501, 12, message);
  }

  int httpStatus() {
    return httpStatus;
  }

  /** The grpc-gateway body: {@code {code, message, details:[google.rpc.Status]}}. */
  JsonObject gatewayBody() {
    JsonObject detail = new JsonObject();
    detail.addProperty("@type", "type.googleapis.com/google.rpc.Status");
    detail.addProperty("code", grpcCode);
    detail.addProperty("message", getMessage());
    JsonArray details = new JsonArray();
    details.add(detail);
    JsonObject body = new JsonObject();
    body.addProperty("code", grpcCode);
    body.addProperty("message", getMessage());
    body.add("details", details);
    return body;
  }

  /** The upload handlers' body: {@code {error_message, error_details}}. */
  JsonObject uploadBody() {
    JsonObject body = new JsonObject();
    body.addProperty(
        "error_message",
        grpcCode == 3 || uploadMessage
            ? getMessage()
            : "Failed to create a pipeline and a pipeline version");
    body.addProperty("error_details", getMessage());
    return body;
  }
}
