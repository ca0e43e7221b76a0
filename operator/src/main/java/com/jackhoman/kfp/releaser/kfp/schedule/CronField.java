package com.jackhoman.kfp.releaser.kfp.schedule;

import java.util.List;
import java.util.Locale;

/** One field of a cron expression with its bounds and names, parsed as robfig/cron v1.2.0 does. */
enum CronField {
  SECOND("second", 0, 59, List.of()),
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
  DAY_OF_WEEK("day-of-week", 0, 6, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
  /** Standard cron's day of week, where 7 is Sunday too. */
  STANDARD_DAY_OF_WEEK(
      "day-of-week", 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  /** Parses a field: a comma list of {@code *}, {@code ?}, {@code a}, {@code a-b}, with /step. */
  FieldSet parse(String text) throws InvalidCronException {
    FieldSet values = new FieldSet(0, false);
    for (String part : text.split(",")) {
      if (!part.isEmpty()) {
        values = values.union(parsePart(text, part));
      }
    }
    if (values.bits() == 0) {
      throw problem(text, "no values");
    }
    return values;
  }

  private FieldSet parsePart(String text, String part) throws InvalidCronException {
    String[] rangeAndStep = part.split("/", -1);
    if (rangeAndStep.length > 2) {
      throw problem(text, "too many slashes in \"" + part + "\"");
    }
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    if (lowAndHigh.length > 2) {
      throw problem(text, "too many hyphens in \"" + part + "\"");
    }
    boolean starred = lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?");
    if (starred && lowAndHigh.length > 1) {
      throw problem(text, "\"" + lowAndHigh[0] + "\" cannot start a range");
    }
    int start = starred ? min : value(text, lowAndHigh[0]);
    int end = starred ? max : lowAndHigh.length == 2 ? value(text, lowAndHigh[1]) : start;
    int step = 1;
    if (rangeAndStep.length == 2) {
      step = step(text, rangeAndStep[1]);
      if (lowAndHigh.length == 1) {
        end = max;
      }
    }
    if (start > end) {
      throw problem(text, "range start " + start + " is beyond its end " + end);
    }
    long bits = 0;
    for (long value = start; value <= end; value += step) {
      bits |= 1L << value;
    }
    return new FieldSet(bits, starred);
  }

  private int value(String text, String token) throws InvalidCronException {
    if (token.isEmpty()) {
      throw problem(text, "a value is missing");
    }
    if (!isNumber(token)) {
      int named = names.indexOf(token.toLowerCase(Locale.ROOT));
      if (named < 0) {
        throw problem(
            text,
            names.isEmpty()
                ? "\"" + token + "\" is not a number"
                : "unknown name \"" + token + "\"");
      }
      return named + (this == MONTH ? 1 : 0);
    }
    int value = token.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(token);
    if (value < min || value > max) {
      throw problem(text, "value " + token + " out of range " + min + "-" + max);
    }
    return value;
  }

  private int step(String text, String token) throws InvalidCronException {
    if (!isNumber(token)) {
      throw problem(text, "step \"" + token + "\" is not a number");
    }
    int step = token.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(token);
    if (step == 0) {
      throw problem(text, "step must be a positive number");
    }
    return step;
  }

  private static boolean isNumber(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private InvalidCronException problem(String text, String reason) {
    return new InvalidCronException(label + " field \"" + text + "\": " + reason);
  }
}
