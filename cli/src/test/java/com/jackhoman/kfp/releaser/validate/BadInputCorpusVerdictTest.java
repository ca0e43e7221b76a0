package com.jackhoman.kfp.releaser.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.BadInputCase;
import com.jackhoman.kfp.releaser.BadInputCase.ValidateVerdict;
import com.jackhoman.kfp.releaser.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kfp-releaser validate} gives every case of the operator's bad-input corpus the verdict the
 * API server and the operator give it (see {@code BadInputCorpusIT}): invalid where they refuse it
 * or set {@code Ready=False}, valid where the object becomes Ready. Cases only the operator can
 * judge (they depend on the cluster's state) are left out.
 */
class BadInputCorpusVerdictTest {

  static List<BadInputCase> judgedOffline() {
    return BadInputCase.all().stream()
        .filter(badInput -> badInput.validate() != ValidateVerdict.operatorOnly)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("judgedOffline")
  void validateGivesTheVerdictOfTheApiServerAndOperator(BadInputCase badInput, @TempDir Path dir)
      throws IOException {
    Path manifests =
        badInput.generated().isEmpty()
            ? badInput.manifests()
            : Files.writeString(dir.resolve("manifests.yaml"), badInput.manifestText());

    CliRun run = CliRun.of("validate", manifests.toString());

    assertThat(run.exitCode())
        .as("%s\n%s%s", badInput.description(), run.out(), run.err())
        .isEqualTo(badInput.validate() == ValidateVerdict.valid ? 0 : 1);
  }
}
