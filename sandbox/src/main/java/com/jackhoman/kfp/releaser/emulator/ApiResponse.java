package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** A status and a JSON body ready to be written back. */
record ApiResponse(int status, String body) {

  static ApiResponse ok(JsonElement body) {
    return new ApiResponse(200, body.toString());
  }

  /** The {@code {}} body of successful delete, enable and disable calls. */
  static ApiResponse empty() {
    return ok(new JsonObject());
  }
}
