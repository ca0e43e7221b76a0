package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the {@code trigger} message both generations share into a {@link Trigger}. */
final class TriggerReader {

  private TriggerReader() {}

  /** The trigger, or null when the request has none. */
  static Trigger read(JsonObject trigger) {
    if (trigger == null) {
      return null;
    }
    JsonObject cron = ProtoFields.object(trigger, "cron_schedule");
    JsonObject periodic = ProtoFields.object(trigger, "periodic_schedule");
    if (cron != null && periodic != null) {
      throw KfpError.invalidArgument("proto: oneof trigger is already set");
    }
    if (cron != null) {
      return new Trigger(
          ProtoFields.text(cron, "cron"), 0, time(cron, "start_time"), time(cron, "end_time"));
    }
    if (periodic != null) {
      return new Trigger(
          null,
          ProtoFields.int64(periodic, "interval_second"),
          time(periodic, "start_time"),
          time(periodic, "end_time"));
    }
    return null;
  }

  private static Instant time(JsonObject schedule, String field) {
    String text = ProtoFields.text(schedule, field);
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw KfpError.invalidArgument("proto: invalid google.protobuf.Timestamp value " + text);
    }
  }
}
