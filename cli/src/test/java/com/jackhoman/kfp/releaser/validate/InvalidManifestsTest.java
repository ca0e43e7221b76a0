package com.jackhoman.kfp.releaser.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest of the invalid corpus fails {@code validate} with the messages it expects: the
 * {@code # expect:} lines at its top (or, for JSON, the lines of its {@code .expect} sibling).
 */
class InvalidManifestsTest {

  private static final Path CORPUS = Path.of("cli/src/test/resources/validate/invalid");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void invalidManifestFailsWithItsExpectedMessages(Path file) throws IOException {
    List<String> expected = expectations(file);
    assertThat(expected).as("expectations of %s", file).isNotEmpty();

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    List<String> problemLines =
        run.out().lines().filter(line -> line.startsWith(file.toString() + ": ")).toList();
    for (String message : expected) {
      assertThat(problemLines).as(run.out()).anyMatch(line -> line.contains(message));
    }
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("INVALID: ");
  }

  @Test
  void corpusHasAtLeastThirtyCases() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
  }

  private static List<String> expectations(Path file) throws IOException {
    if (file.toString().endsWith(".json")) {
      return Files.readAllLines(Path.of(file + ".expect"));
    }
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("# expect: "))
        .map(line -> line.substring("# expect: ".length()))
        .toList();
  }
}
