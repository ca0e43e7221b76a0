package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.jackhoman.kfp.releaser.kfp.KfpConflict;
import com.jackhoman.kfp.releaser.kfp.KfpException;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpRejected;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import java.util.List;

/**
 * Turns a KFP error answer into our exception, classified by what KFP means by it rather than by
 * the HTTP status alone (src/common/util/error.go at 1.8.5 to 2.17.0): the message comes from the
 * gateway body {@code {code,message,details}}, the upload body {@code
 * {error_message,error_details}}, or plain text; a redirect means an auth proxy in front of KFP
 * wants a login, so it counts as unauthorized.
 *
 * <ul>
 *   <li>KFP's {@code NewBadRequestError} answers gRPC ABORTED (HTTP 409) for a request that can
 *       never succeed (a bad identity header, an invalid Kubernetes name, deleting the default
 *       experiment), so it is terminal; an ABORTED without it (none comes from KFP's own code) is
 *       retried, as gRPC advises.
 *   <li>A user error KFP wraps into a 500 (1.8.5's upload answers "InvalidInputError: unknown
 *       template format" with 500: server/pipeline_upload_server.go) is terminal.
 *   <li>The upload endpoints answer authentication and authorization failures with 400 on every
 *       release (server/pipeline_upload_server.go {@code canUploadVersionedPipeline}): "...due to
 *       authorization error" (2.0 to 2.16), "Authorization to namespace failed." (1.8); they count
 *       as unauthorized, so the token is read again.
 * </ul>
 */
final class ErrorAnswer {

  private static final int GRPC_ABORTED = 10;

  /** Upload refusals that mean "who you are may not do this". */
  private static final List<String> UPLOAD_AUTH_FAILURES =
      List.of(
          "due to authorization error",
          "Authorization to namespace failed",
          "Authorization Failure");

  /**
   * What KFP 2.17's upload endpoints answer (400) for an authorization failure, and for a few other
   * refusals too: worth one more try with a token read again.
   */
  private static final List<String> UPLOAD_GENERIC_REFUSALS =
      List.of("Failed to create a pipeline", "Failed to create a pipeline version");

  /** Marks of a KFP user error (bad input) in a message, wherever it is wrapped. */
  private static final List<String> USER_ERRORS =
      List.of("InvalidInputError", "Invalid input error", "BadRequestError");

  private ErrorAnswer() {}

  /** The exception for this non-2xx answer. */
  static KfpException toException(int status, String body) {
    String text = messageOf(body);
    String message = "KFP answered " + status + ": " + text;
    if (status == 401 || status == 403 || status / 100 == 3) {
      return new KfpUnauthorized(status, message);
    }
    if (status == 400 && UPLOAD_AUTH_FAILURES.stream().anyMatch(text::contains)) {
      return new KfpUnauthorized(status, message);
    }
    if (status == 400 && UPLOAD_GENERIC_REFUSALS.contains(text)) {
      // the rest of what 2.17 answers so (a missing form file, a pipeline id that is gone) the
      // client never sends, or is not the spec's fault: retried, not reported as Rejected
      return new KfpUnauthorized(
          status,
          message
              + " (how KFP 2.17 refuses an upload for the caller's identity; check the operator's"
              + " KFP token)");
    }
    if (status == 404) {
      return new KfpNotFound(status, message);
    }
    boolean userError = USER_ERRORS.stream().anyMatch(text::contains);
    if (status == 409 && grpcCodeOf(body) == GRPC_ABORTED && !userError) {
      return new KfpUnavailable(status, message + " (a concurrent change; retrying)");
    }
    if (status == 409 && grpcCodeOf(body) == GRPC_ABORTED) {
      return new KfpRejected(status, message);
    }
    if (status == 409) {
      return new KfpConflict(status, message);
    }
    if (status >= 500 && !userError) {
      return new KfpUnavailable(status, message);
    }
    return new KfpRejected(status, message);
  }

  /**
   * Whether this answer may mean that the token was not accepted, so that reading it again and
   * retrying once is worth it: a 401, or an upload refused the way KFP refuses an identity.
   */
  static boolean mayBeRejectedIdentity(int status, String body) {
    if (status == 401) {
      return true;
    }
    String text = messageOf(body);
    return status == 400
        && (UPLOAD_AUTH_FAILURES.stream().anyMatch(text::contains)
            || UPLOAD_GENERIC_REFUSALS.contains(text));
  }

  private static int grpcCodeOf(String body) {
    try {
      JsonElement parsed = JsonParser.parseString(body == null ? "" : body.strip());
      return parsed.isJsonObject() && parsed.getAsJsonObject().has("code")
          ? parsed.getAsJsonObject().get("code").getAsInt()
          : -1;
    } catch (JsonSyntaxException
        | IllegalStateException
        | UnsupportedOperationException
        | NumberFormatException notGateway) {
      return -1;
    }
  }

  private static String messageOf(String body) {
    String text = body == null ? "" : body.strip();
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (parsed.isJsonObject()) {
        JsonObject object = parsed.getAsJsonObject();
        for (String key : new String[] {"message", "error_message", "error_details", "error"}) {
          if (object.has(key) && !object.get(key).getAsString().isBlank()) {
            return object.get(key).getAsString();
          }
        }
      }
    } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException notJson) {
      // KFP writes some upload errors as plain text; the text is the message.
    }
    return text.isEmpty() ? "(no message)" : text;
  }
}
