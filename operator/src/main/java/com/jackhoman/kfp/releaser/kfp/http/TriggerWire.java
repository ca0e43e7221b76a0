package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.annotations.JsonAdapter;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The {@code trigger} object, spelled the same by v1beta1 jobs and v2beta1 recurring runs. */
public record TriggerWire(Cron cronSchedule, Periodic periodicSchedule) {

  /** A {@code cron_schedule}. */
  public record Cron(String cron, Instant startTime, Instant endTime) {}

  /** A {@code periodic_schedule}; the interval is an int64 and so a string on the wire. */
  public record Periodic(
      @JsonAdapter(Int64AsString.class) Long intervalSecond, Instant startTime, Instant endTime) {}

  /** The wire form of our trigger. */
  public static TriggerWire of(KfpTrigger trigger) {
    Instant start = trigger.start().orElse(null);
    Instant end = trigger.end().orElse(null);
    if (trigger instanceof KfpTrigger.Cron cron) {
      return new TriggerWire(new Cron(cron.expression(), start, end), null);
    }
    KfpTrigger.Periodic periodic = (KfpTrigger.Periodic) trigger;
    return new TriggerWire(null, new Periodic(periodic.interval().toSeconds(), start, end));
  }

  /** Our trigger, read from the wire form. */
  public KfpTrigger toTrigger() {
    if (cronSchedule != null) {
      return new KfpTrigger.Cron(
          cronSchedule.cron(),
          Optional.ofNullable(cronSchedule.startTime()),
          Optional.ofNullable(cronSchedule.endTime()));
    }
    if (periodicSchedule == null || periodicSchedule.intervalSecond() == null) {
      // KFP keeps a recurring run made through its raw API without a trigger, and answers it
      // with "trigger": {} (server/api_converter.go toApiTrigger): nothing we can schedule by.
      throw new IllegalArgumentException("it has no cron_schedule and no periodic_schedule");
    }
    return new KfpTrigger.Periodic(
        Duration.ofSeconds(periodicSchedule.intervalSecond()),
        Optional.ofNullable(periodicSchedule.startTime()),
        Optional.ofNullable(periodicSchedule.endTime()));
  }
}
