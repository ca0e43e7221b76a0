package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads optional fields of a request body with proto3 defaults for the absent ones. */
final class ProtoFields {

  private ProtoFields() {}

  static String text(JsonObject object, String field) {
    JsonElement value = object == null ? null : object.get(field);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }

  /** A string, or null when absent or empty (for optional ids). */
  static String id(JsonObject object, String field) {
    String text = text(object, field);
    return text.isEmpty() ? null : text;
  }

  static long int64(JsonObject object, String field) {
    String text = text(object, field);
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw KfpError.invalidArgument("proto: invalid value for int64 field " + field + ": " + text);
    }
  }

  static boolean bool(JsonObject object, String field) {
    JsonElement value = object == null ? null : object.get(field);
    return value != null && !value.isJsonNull() && value.getAsBoolean();
  }

  static JsonObject object(JsonObject object, String field) {
    JsonElement value = object == null ? null : object.get(field);
    return value == null || !value.isJsonObject() ? null : value.getAsJsonObject();
  }
}
