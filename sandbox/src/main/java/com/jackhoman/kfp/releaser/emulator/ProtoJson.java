package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Builds a response object the way KFP's protojson marshaller writes it: zero values omitted,
 * 64-bit integers as strings, timestamps as second-precision RFC 3339 UTC.
 */
final class ProtoJson {

  private final JsonObject object = new JsonObject();

  ProtoJson string(String name, String value) {
    if (value != null && !value.isEmpty()) {
      object.addProperty(name, value);
    }
    return this;
  }

  ProtoJson int64(String name, long value) {
    if (value != 0) {
      object.addProperty(name, Long.toString(value));
    }
    return this;
  }

  ProtoJson int32(String name, int value) {
    if (value != 0) {
      object.addProperty(name, value);
    }
    return this;
  }

  ProtoJson bool(String name, boolean value) {
    if (value) {
      object.addProperty(name, true);
    }
    return this;
  }

  /** A timestamp the converter always fills: written even when unset, as the epoch. */
  ProtoJson time(String name, Instant value) {
    object.addProperty(name, rfc3339(value == null ? Instant.EPOCH : value));
    return this;
  }

  /** A timestamp that is left out when unset. */
  ProtoJson optionalTime(String name, Instant value) {
    if (value != null) {
      object.addProperty(name, rfc3339(value));
    }
    return this;
  }

  ProtoJson element(String name, JsonElement value) {
    boolean empty =
        value == null
            || value.isJsonNull()
            || (value.isJsonObject() && value.getAsJsonObject().isEmpty())
            || (value.isJsonArray() && value.getAsJsonArray().isEmpty());
    if (!empty) {
      object.add(name, value);
    }
    return this;
  }

  /** A message field that is set: written even when all its fields are unset, as {@code {}}. */
  ProtoJson setMessage(String name, JsonObject value) {
    object.add(name, value);
    return this;
  }

  ProtoJson message(String name, ProtoJson value) {
    return element(name, value.build());
  }

  JsonObject build() {
    return object;
  }

  static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
