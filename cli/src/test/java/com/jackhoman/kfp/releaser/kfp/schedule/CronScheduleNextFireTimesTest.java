package com.jackhoman.kfp.releaser.kfp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next fire times follow robfig/cron v1.2.0, the library KFP's scheduler uses. */
class CronScheduleNextFireTimesTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void dailyStandardCronFiresAtTheGivenMinuteEachDay() throws Exception {
    assertThat(fireTimes("30 2 * * *", "2024-03-01T10:00:00Z", 3))
        .containsExactly("2024-03-02T02:30Z", "2024-03-03T02:30Z", "2024-03-04T02:30Z");
  }

  @Test
  void fireTimesAreStrictlyAfterTheGivenInstant() throws Exception {
    assertThat(fireTimes("0 30 2 * * *", "2024-03-02T02:30:00Z", 1))
        .containsExactly("2024-03-03T02:30Z");
    assertThat(fireTimes("0 30 2 * * *", "2024-03-02T02:29:59.999Z", 1))
        .containsExactly("2024-03-02T02:30Z");
  }

  @Test
  void stepsInSecondsAndMinutesAreFollowed() throws Exception {
    assertThat(fireTimes("*/20 * * * * *", "2024-01-01T00:00:05Z", 4))
        .containsExactly(
            "2024-01-01T00:00:20Z",
            "2024-01-01T00:00:40Z",
            "2024-01-01T00:01Z",
            "2024-01-01T00:01:20Z");
    assertThat(fireTimes("0 10/25 * * * *", "2024-01-01T00:00:00Z", 3))
        .containsExactly("2024-01-01T00:10Z", "2024-01-01T00:35Z", "2024-01-01T01:10Z");
  }

  @Test
  void rangeWithStepIsFollowed() throws Exception {
    assertThat(fireTimes("0 0 9-17/4 * * *", "2024-01-01T00:00:00Z", 4))
        .containsExactly(
            "2024-01-01T09:00Z", "2024-01-01T13:00Z", "2024-01-01T17:00Z", "2024-01-02T09:00Z");
  }

  @Test
  void monthAndDayNamesAreCaseInsensitive() throws Exception {
    // 2024-06-03 is a Monday.
    assertThat(fireTimes("0 0 12 * jun-Jul MON,fri", "2024-05-31T00:00:00Z", 3))
        .containsExactly("2024-06-03T12:00Z", "2024-06-07T12:00Z", "2024-06-10T12:00Z");
  }

  @Test
  void sundayWrittenAsSevenInStandardCronFiresOnSunday() throws Exception {
    // 2024-01-07 is a Sunday.
    assertThat(fireTimes("0 6 * * 7", "2024-01-01T00:00:00Z", 2))
        .containsExactly("2024-01-07T06:00Z", "2024-01-14T06:00Z");
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEitherDay() throws Exception {
    // The 13th, or any Friday: 2024-09-06 and 2024-09-13 are Fridays.
    assertThat(fireTimes("0 0 0 13 * FRI", "2024-09-01T00:00:00Z", 4))
        .containsExactly(
            "2024-09-06T00:00Z", "2024-09-13T00:00Z", "2024-09-20T00:00Z", "2024-09-27T00:00Z");
    assertThat(fireTimes("0 0 0 1 * MON", "2024-01-01T00:00:00Z", 3))
        .containsExactly("2024-01-08T00:00Z", "2024-01-15T00:00Z", "2024-01-22T00:00Z");
  }

  @Test
  void starredDayOfMonthMakesBothDayFieldsMatch() throws Exception {
    // A step starting with * counts as starred in robfig v1.2.0: odd days that are Mondays.
    assertThat(fireTimes("0 0 0 */2 * MON", "2024-01-01T00:00:00Z", 3))
        .containsExactly("2024-01-15T00:00Z", "2024-01-29T00:00Z", "2024-02-05T00:00Z");
  }

  @Test
  void thirtyFirstSkipsShorterMonths() throws Exception {
    assertThat(fireTimes("0 0 0 31 * *", "2024-01-31T12:00:00Z", 3))
        .containsExactly("2024-03-31T00:00Z", "2024-05-31T00:00Z", "2024-07-31T00:00Z");
  }

  @Test
  void february29FiresOnlyInLeapYears() throws Exception {
    assertThat(fireTimes("0 0 0 29 2 *", "2024-03-01T00:00:00Z", 2))
        .containsExactly("2028-02-29T00:00Z", "2032-02-29T00:00Z");
  }

  @Test
  void impossibleDateGivesUpWithNoFireTimesAsKfpSchedulesIt() throws Exception {
    ZonedDateTime after = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    assertThat(CronSchedule.parseAsKfp("0 0 0 30 2 *").nextFireTimes(after, 1)).isEmpty();
  }

  @Test
  void nonexistentLocalTimeOnSpringForwardDayIsSkipped() throws Exception {
    ZonedDateTime after = ZonedDateTime.of(2024, 3, 9, 12, 0, 0, 0, NEW_YORK);

    assertThat(CronSchedule.parse("0 30 2 * * *").nextFireTimes(after, 2))
        .containsExactly(
            ZonedDateTime.of(2024, 3, 11, 2, 30, 0, 0, NEW_YORK),
            ZonedDateTime.of(2024, 3, 12, 2, 30, 0, 0, NEW_YORK));
  }

  @Test
  void repeatedLocalTimeOnFallBackDayFiresTwiceAsRobfigDoes() throws Exception {
    ZonedDateTime after = ZonedDateTime.of(2024, 11, 2, 12, 0, 0, 0, NEW_YORK);

    assertThat(CronSchedule.parse("0 30 1 * * *").nextFireTimes(after, 3))
        .extracting(time -> time.toOffsetDateTime().toString())
        .containsExactly(
            "2024-11-03T01:30-04:00", "2024-11-03T01:30-05:00", "2024-11-04T01:30-05:00");
  }

  @Test
  void fireTimesKeepTheZoneOfTheStartingTime() throws Exception {
    ZonedDateTime after = ZonedDateTime.of(2024, 7, 1, 0, 0, 0, 0, NEW_YORK);

    assertThat(CronSchedule.parse("0 9 * * *").nextFireTimes(after, 1))
        .containsExactly(ZonedDateTime.of(2024, 7, 1, 9, 0, 0, 0, NEW_YORK));
  }

  @Test
  void askingForNoFireTimesGivesNone() throws Exception {
    assertThat(fireTimes("* * * * * *", "2024-01-01T00:00:00Z", 0)).isEmpty();
  }

  private static List<String> fireTimes(String expression, String afterUtc, int count)
      throws InvalidCronException {
    ZonedDateTime after = ZonedDateTime.parse(afterUtc).withZoneSameInstant(ZoneOffset.UTC);
    return CronSchedule.parse(expression).nextFireTimes(after, count).stream()
        .map(ZonedDateTime::toString)
        .toList();
  }

  @Test
  void kfpItselfReadsFiveFieldsAsSecondsFirstWithAnyDayOfWeek() throws Exception {
    ZonedDateTime after = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    assertThat(CronSchedule.parseAsKfp("0 * * * *").nextFireTimes(after, 2))
        .containsExactly(after.plusMinutes(1), after.plusMinutes(2));
    assertThat(CronSchedule.parse("0 * * * *").nextFireTimes(after, 2))
        .containsExactly(after.plusHours(1), after.plusHours(2));
  }

  @Test
  void kfpItselfReadsSixFieldsAsTheyAre() throws Exception {
    assertThat(CronSchedule.parseAsKfp("0 30 2 * * *").kfpExpression()).isEqualTo("0 30 2 * * *");
  }
}
