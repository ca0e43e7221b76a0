package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads v1beta1 {@code resource_references}: the id of the first reference of a given type (a
 * PIPELINE_VERSION reference counts only with relationship CREATOR, as in KFP).
 */
final class V1References {

  private V1References() {}

  /** The id referenced with {@code type}, or "" when there is none. */
  static String id(JsonObject body, String type) {
    if (!body.has("resource_references")) {
      return "";
    }
    for (JsonElement reference : body.getAsJsonArray("resource_references")) {
      JsonObject key = ProtoFields.object(reference.getAsJsonObject(), "key");
      boolean creator =
          "CREATOR".equals(ProtoFields.text(reference.getAsJsonObject(), "relationship"));
      if (type.equals(ProtoFields.text(key, "type"))
          && (creator || !type.equals("PIPELINE_VERSION"))) {
        return ProtoFields.text(key, "id");
      }
    }
    return "";
  }
}
