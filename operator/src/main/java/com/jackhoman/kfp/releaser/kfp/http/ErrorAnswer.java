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

/**
 * Turns a KFP error answer into our exception: the status picks the type (a redirect means an auth
 * proxy in front of KFP wants a login, so it counts as unauthorized), the message comes from the
 * gateway body {@code {code,message,details}}, the upload body {@code
 * {error_message,error_details}}, or plain text. A 409 whose gRPC code is ABORTED (a concurrent
 * change, which gRPC says to retry) is worth a retry; any other 409 is a conflict.
 */
final class ErrorAnswer {

  /** gRPC's code for an operation aborted by a concurrent change, to be retried by the caller. */
  private static final int GRPC_ABORTED = 10;

  private ErrorAnswer() {}

  /** The exception for this non-2xx answer. */
  static KfpException toException(int status, String body) {
    String message = "KFP answered " + status + ": " + messageOf(body);
    if (status == 401 || status == 403 || status / 100 == 3) {
      return new KfpUnauthorized(status, message);
    }
    if (status == 404) {
      return new KfpNotFound(status, message);
    }
    if (status == 409 && grpcCodeOf(body) == GRPC_ABORTED) {
      return new KfpUnavailable(status, message + " (a concurrent change; retrying)");
    }
    if (status == 409) {
      return new KfpConflict(status, message);
    }
    if (status >= 500) {
      return new KfpUnavailable(status, message);
    }
    return new KfpRejected(status, message);
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
