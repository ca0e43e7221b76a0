package com.jackhoman.kfp.releaser.kfp.schedule;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cron schedule as KFP reads it (robfig/cron v1.2.0 {@code cron.Parse}: six fields, seconds
 * first), also accepting standard 5-field cron, which it converts to KFP's form.
 */
public final class CronSchedule {

  private static final int SEARCH_YEARS = 5;

  /**
   * Where the never-fires check starts searching: the five years after it hold two 29 Februaries,
   * so only a date no calendar has (30 February, 31 April) finds nothing.
   */
  private static final ZonedDateTime LEAP_CYCLE_START =
      ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final String kfpExpression;
  private final FieldSet second;
  private final FieldSet minute;
  private final FieldSet hour;
  private final FieldSet dayOfMonth;
  private final FieldSet month;
  private final FieldSet dayOfWeek;

  private CronSchedule(String kfpExpression, List<String> fields) throws InvalidCronException {
    this.kfpExpression = kfpExpression;
    this.second = CronField.SECOND.parse(fields.get(0));
    this.minute = CronField.MINUTE.parse(fields.get(1));
    this.hour = CronField.HOUR.parse(fields.get(2));
    this.dayOfMonth = CronField.DAY_OF_MONTH.parse(fields.get(3));
    this.month = CronField.MONTH.parse(fields.get(4));
    this.dayOfWeek = CronField.DAY_OF_WEEK.parse(fields.get(5));
  }

  /**
   * Parses 6 fields ({@code sec min hour dom month dow}, KFP's form) or standard 5-field cron
   * ({@code min hour dom month dow}), and refuses an expression that never fires.
   *
   * @throws InvalidCronException naming the field and the problem
   */
  public static CronSchedule parse(String expression) throws InvalidCronException {
    CronSchedule schedule = parseFields(expression);
    if (schedule.next(LEAP_CYCLE_START).isEmpty()) {
      throw new InvalidCronException(
          "no date matches its day-of-month, month and day-of-week (such as 30 February),"
              + " so it would never fire; KFP would accept it and never start a run");
    }
    return schedule;
  }

  private static CronSchedule parseFields(String expression) throws InvalidCronException {
    String trimmed = expression.strip();
    List<String> fields = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    if (fields.size() == 6) {
      return new CronSchedule(expression, fields);
    }
    if (fields.size() == 5) {
      String kfp = StandardCron.toKfp(fields);
      return new CronSchedule(kfp, List.of(kfp.split(" ")));
    }
    throw new InvalidCronException(
        fields.size()
            + (fields.size() == 1 ? " field" : " fields")
            + " found; use 5 fields (minute hour day-of-month month day-of-week) or 6 (second"
            + " minute hour day-of-month month day-of-week, KFP's form)");
  }

  /**
   * Parses an expression exactly as KFP's server does (robfig/cron v1.2.0 {@code cron.Parse}): 6
   * fields, seconds first, the day-of-week optional, so that 5 fields mean {@code sec min hour dom
   * month} (not standard cron). For a KFP stand-in; users' 5-field expressions go through {@link
   * #parse}.
   *
   * @throws InvalidCronException naming the field and the problem
   */
  public static CronSchedule parseAsKfp(String expression) throws InvalidCronException {
    String trimmed = expression.strip();
    List<String> fields =
        new ArrayList<>(trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+")));
    if (fields.size() == 5) {
      fields.add("*");
    }
    if (fields.size() != 6) {
      throw new InvalidCronException(
          fields.size() + " fields found; KFP reads 6 (or 5, without the day of week)");
    }
    return new CronSchedule(expression, fields);
  }

  /** Returns the 6-field expression KFP gets; a 6-field input is returned unchanged. */
  public String kfpExpression() {
    return kfpExpression;
  }

  /**
   * Returns up to {@code count} fire times strictly after {@code after}, in its zone, as KFP's
   * scheduler computes them; fewer when none is found within five years (e.g. for February 30).
   */
  public List<ZonedDateTime> nextFireTimes(ZonedDateTime after, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    List<ZonedDateTime> times = new ArrayList<>();
    Optional<ZonedDateTime> next = next(after);
    while (times.size() < count && next.isPresent()) {
      times.add(next.get());
      next = next(next.get());
    }
    return List.copyOf(times);
  }

  /**
   * Robfig's {@code SpecSchedule.Next}: advance the first field that does not match, resetting the
   * smaller ones, and start over from the month whenever a field wraps around.
   */
  private Optional<ZonedDateTime> next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    boolean added = false;
    int yearLimit = t.getYear() + SEARCH_YEARS;
    wrap:
    while (t.getYear() <= yearLimit) {
      while (!month.contains(t.getMonthValue())) {
        if (!added) {
          added = true;
          t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        }
        t = t.plusMonths(1);
        if (t.getMonthValue() == 1) {
          continue wrap;
        }
      }
      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.DAYS);
        }
        t = t.plusDays(1);
        if (t.getDayOfMonth() == 1) {
          continue wrap;
        }
      }
      while (!hour.contains(t.getHour())) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.HOURS);
        }
        t = t.plusHours(1);
        if (t.getHour() == 0) {
          continue wrap;
        }
      }
      while (!minute.contains(t.getMinute())) {
        if (!added) {
          added = true;
          t = t.truncatedTo(ChronoUnit.MINUTES);
        }
        t = t.plusMinutes(1);
        if (t.getMinute() == 0) {
          continue wrap;
        }
      }
      while (!second.contains(t.getSecond())) {
        added = true;
        t = t.plusSeconds(1);
        if (t.getSecond() == 0) {
          continue wrap;
        }
      }
      return Optional.of(t);
    }
    return Optional.empty();
  }

  /** Robfig's day rule: if either day field is starred both must match, otherwise either. */
  private boolean dayMatches(ZonedDateTime t) {
    boolean domMatches = dayOfMonth.contains(t.getDayOfMonth());
    boolean dowMatches = dayOfWeek.contains(t.getDayOfWeek().getValue() % 7);
    return dayOfMonth.starred() || dayOfWeek.starred()
        ? domMatches && dowMatches
        : domMatches || dowMatches;
  }
}
