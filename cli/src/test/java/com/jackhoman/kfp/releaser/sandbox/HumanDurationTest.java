package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ages read as kubectl prints them, band by band. */
class HumanDurationTest {

  @ParameterizedTest
  @CsvSource({
    "51, 51s",
    "119, 119s",
    "137, 2m17s",
    "360, 6m",
    "9000, 150m",
    "19800, 5h30m",
    "108000, 30h",
    "277200, 3d5h",
    "8640000, 100d",
    "69120000, 2y70d",
    "315360000, 10y"
  })
  void ageIsPrintedInKubectlsBands(long seconds, String printed) {
    assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(printed);
  }
}
