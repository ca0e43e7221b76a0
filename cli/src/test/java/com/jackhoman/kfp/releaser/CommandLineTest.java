package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sub-command answers {@code --help} and {@code --version}. */
class CommandLineTest {

  static Stream<String> subcommands() {
    return Main.newCommandLine().getSubcommands().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubCommandExplainsItself(String subcommand) {
    CliRun run = CliRun.of(subcommand, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: kfp-releaser " + subcommand);
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubCommandTellsItsVersion(String subcommand) {
    CliRun run = CliRun.of(subcommand, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("kfp-releaser ");
  }
}
