package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad values of {@code run}'s flags are usage errors that name the flag, before any connection. */
class RunFlagsTest {

  @Test
  void aMalformedSelectorIsAUsageErrorNamingTheFlagAndTheTerm() {
    CliRun run = CliRun.of("run", "--kfp-url=http://localhost:1", "--selector=shard:a");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--selector")
        .contains("'shard:a' is not a label selector term")
        .doesNotContain("Exception");
  }
}
