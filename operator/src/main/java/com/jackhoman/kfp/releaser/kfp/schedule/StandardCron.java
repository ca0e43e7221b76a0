package com.jackhoman.kfp.releaser.kfp.schedule;

import java.util.ArrayList;
import java.util.List;

/** Turns standard 5-field cron (minute first) into KFP's 6-field form (seconds first). */
final class StandardCron {

  private static final List<CronField> FIELDS =
      List.of(
          CronField.MINUTE,
          CronField.HOUR,
          CronField.DAY_OF_MONTH,
          CronField.MONTH,
          CronField.STANDARD_DAY_OF_WEEK);
  private static final int SUNDAY = 0;
  private static final int STANDARD_SUNDAY = 7;

  private StandardCron() {}

  /**
   * Checks the five fields and returns the 6-field expression: second 0 first, and day-of-week 7
   * written as 0 because robfig/cron does not know 7.
   */
  static String toKfp(List<String> fields) throws InvalidCronException {
    for (int i = 0; i < FIELDS.size(); i++) {
      FIELDS.get(i).parse(fields.get(i));
    }
    List<String> kfp = new ArrayList<>(List.of("0"));
    kfp.addAll(fields.subList(0, 4));
    kfp.add(withSundayAsZero(fields.get(4)));
    return String.join(" ", kfp);
  }

  private static String withSundayAsZero(String dayOfWeek) throws InvalidCronException {
    List<String> parts = new ArrayList<>();
    for (String part : dayOfWeek.split(",")) {
      boolean starred = part.startsWith("*") || part.startsWith("?");
      FieldSet days = part.isEmpty() ? null : CronField.STANDARD_DAY_OF_WEEK.parse(part);
      if (days == null || starred || !days.contains(STANDARD_SUNDAY)) {
        parts.add(part);
      } else {
        parts.add(list(days.bits() & ~(1L << STANDARD_SUNDAY) | 1L << SUNDAY));
      }
    }
    return String.join(",", parts);
  }

  /** Writes the days in {@code bits} as a comma list of values and ranges, such as 0,5-6. */
  private static String list(long bits) {
    List<String> runs = new ArrayList<>();
    int day = SUNDAY;
    while (day < STANDARD_SUNDAY) {
      if ((bits & (1L << day)) == 0) {
        day++;
        continue;
      }
      int end = day;
      while (end + 1 < STANDARD_SUNDAY && (bits & (1L << (end + 1))) != 0) {
        end++;
      }
      runs.add(end == day ? Integer.toString(day) : day + "-" + end);
      day = end + 1;
    }
    return String.join(",", runs);
  }
}
