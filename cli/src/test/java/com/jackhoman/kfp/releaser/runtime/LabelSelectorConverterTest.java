package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class LabelSelectorConverterTest {

  private final LabelSelectorConverter converter = new LabelSelectorConverter();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shard=a",
        "shard==a",
        "shard!=b",
        "shard",
        "!legacy",
        "team in (a, b),!legacy",
        "kfp.jackhoman.com/shard notin (x)",
        "tier=",
        ""
      })
  void selectorsKubectlTakesAreTakenAsWritten(String selector) {
    assertThat(converter.convert(" " + selector + " ")).isEqualTo(selector);
  }

  @ParameterizedTest
  @ValueSource(strings = {"shard:a", "shard=a b", "team in a,b", "=a", "shard=a,", "Bad_/x=1"})
  void aTypoIsAUsageErrorThatQuotesTheTerm(String selector) {
    assertThatThrownBy(() -> converter.convert(selector))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("is not a label selector term");
  }
}
