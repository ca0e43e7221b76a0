package com.jackhoman.kfp.releaser.kfp.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cron expressions are converted to KFP's 6-field form or refused naming field and problem. */
class CronScheduleParseTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "30 2 * * *          | 0 30 2 * * *",
        "0 0 * * 7           | 0 0 0 * * 0",
        "0 0 * * 5-7         | 0 0 0 * * 0,5-6",
        "0 0 * * MON,7       | 0 0 0 * * MON,0",
        "0 0 * * 0-7         | 0 0 0 * * 0-6",
        "0 0 * * */2         | 0 0 0 * * */2",
        "*/15  9-17 * JAN-MAR mon-fri | 0 */15 9-17 * JAN-MAR mon-fri",
      })
  void standardFiveFieldCronGetsZeroSecondsAndSundayAsZero(String standard, String kfp)
      throws Exception {
    assertThat(CronSchedule.parse(standard).kfpExpression()).isEqualTo(kfp);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0 30 2 * * *", "'0  0  12 ? JAN-DEC SUN'", "'*/5 * * * * ?'"})
  void sixFieldCronIsPassedThroughUnchanged(String expression) throws Exception {
    assertThat(CronSchedule.parse(expression).kfpExpression()).isEqualTo(expression);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "61 * * * *         | minute field \"61\": value 61 out of range 0-59",
        "0 61 * * * *       | minute field \"61\": value 61 out of range 0-59",
        "60 * * * * *       | second field \"60\": value 60 out of range 0-59",
        "0 24 * * *         | hour field \"24\": value 24 out of range 0-23",
        "0 0 0 0 * *        | day-of-month field \"0\": value 0 out of range 1-31",
        "0 0 1 13 *         | month field \"13\": value 13 out of range 1-12",
        "0 0 * * 8          | day-of-week field \"8\": value 8 out of range 0-7",
        "0 0 0 * * 7        | day-of-week field \"7\": value 7 out of range 0-6",
        "0 0 * * MON-XYZ    | day-of-week field \"MON-XYZ\": unknown name \"XYZ\"",
        "0 0 1 FOO *        | month field \"FOO\": unknown name \"FOO\"",
        "abc * * * *        | minute field \"abc\": \"abc\" is not a number",
        "0 5-2 * * *        | hour field \"5-2\": range start 5 is beyond its end 2",
        "*/0 * * * *        | minute field \"*/0\": step must be a positive number",
        "*/x * * * *        | minute field \"*/x\": step \"x\" is not a number",
        "1/2/3 * * * *      | minute field \"1/2/3\": too many slashes in \"1/2/3\"",
        "1-2-3 * * * *      | minute field \"1-2-3\": too many hyphens in \"1-2-3\"",
        "*-5 * * * *        | minute field \"*-5\": \"*\" cannot start a range",
        "1- * * * *         | minute field \"1-\": a value is missing",
        ", * * * *          | minute field \",\": no values",
      })
  void invalidFieldIsRefusedNamingTheFieldAndTheProblem(String expression, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(InvalidCronException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0 0 30 2 *", "0 0 0 31 4 *", "'0 0 31 2,4,6,9,11 *'"})
  void dateNoCalendarHasIsRefusedBecauseItWouldNeverFire(String expression) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(InvalidCronException.class)
        .hasMessageContaining("such as 30 February")
        .hasMessageContaining("never fire");
  }

  @Test
  void leapDayIsAcceptedBecauseItFiresEveryFourYears() throws Exception {
    assertThat(CronSchedule.parse("0 6 29 2 *").kfpExpression()).isEqualTo("0 0 6 29 2 *");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 0 0 * * * 2024 | 7 fields",
        "@daily           | 1 field",
        "''               | 0 fields",
        "0 0 * *          | 4 fields",
      })
  void wrongNumberOfFieldsIsRefusedNamingBothAcceptedForms(String expression, String found) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(InvalidCronException.class)
        .hasMessage(
            found
                + " found; use 5 fields (minute hour day-of-month month day-of-week) or 6 (second"
                + " minute hour day-of-month month day-of-week, KFP's form)");
  }
}
