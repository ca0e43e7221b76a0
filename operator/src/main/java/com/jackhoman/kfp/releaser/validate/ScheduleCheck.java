package com.jackhoman.kfp.releaser.validate;

import com.jackhoman.kfp.releaser.kfp.schedule.CronSchedule;
import com.jackhoman.kfp.releaser.kfp.schedule.InvalidCronException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a recurring run's cron the way KFP will, and explains it: the 6-field form KFP gets and
 * when it fires next.
 */
final class ScheduleCheck {

  private static final Pattern FIVE_OR_SIX_FIELDS =
      Pattern.compile("^\\s*\\S+(\\s+\\S+){4,5}\\s*$");
  private static final int EXPLAINED_FIRE_TIMES = 3;

  private final Clock clock;

  ScheduleCheck(Clock clock) {
    this.clock = clock;
  }

  /**
   * The problem with the cron of {@code run}, if any. Expressions without 5 or 6 fields are left to
   * the schema check, which already reports them.
   */
  Optional<Problem> check(CheckedObject run) {
    return cron(run)
        .flatMap(
            cron -> {
              try {
                CronSchedule.parse(cron);
                return Optional.empty();
              } catch (InvalidCronException e) {
                return Optional.of(
                    run.problem("spec.schedule.cron", e.getMessage(), Problem.Severity.ERROR));
              }
            });
  }

  /** The explanation of a valid cron: the expression KFP gets and the next fire times in UTC. */
  Optional<String> explain(CheckedObject run) {
    return cron(run)
        .flatMap(
            cron -> {
              try {
                CronSchedule schedule = CronSchedule.parse(cron);
                List<ZonedDateTime> next =
                    schedule.nextFireTimes(
                        ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)), EXPLAINED_FIRE_TIMES);
                return Optional.of(
                    run.document().source()
                        + ": "
                        + run.label()
                        + ": cron \""
                        + cron.trim()
                        + "\" is \""
                        + schedule.kfpExpression()
                        + "\" in KFP; next runs (UTC): "
                        + (next.isEmpty()
                            ? "never"
                            : next.stream()
                                .map(DateTimeFormatter.ISO_INSTANT::format)
                                .collect(Collectors.joining(", "))));
              } catch (InvalidCronException e) {
                return Optional.empty();
              }
            });
  }

  private static Optional<String> cron(CheckedObject run) {
    String cron = run.spec().path("schedule").path("cron").asText("");
    return FIVE_OR_SIX_FIELDS.matcher(cron).matches() ? Optional.of(cron) : Optional.empty();
  }
}
