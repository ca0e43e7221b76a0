package com.jackhoman.kfp.releaser.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed {@code bundle/} is exactly what its inputs generate, byte for byte. */
class BundleIsUpToDateTest {

  private static final Path ROOT = Path.of(".");

  @Test
  void committedBundleIsWhatTheInputsGenerate() throws IOException {
    assertThat(BundleGenerator.generate(ROOT).differencesFrom(ROOT))
        .as("bundle/ is stale: run `mvn -B -Pbundle process-test-classes` and commit the result")
        .isEmpty();
  }

  @Test
  void generatingTwiceGivesTheSameBytes() throws IOException {
    assertThat(BundleGenerator.generate(ROOT)).isEqualTo(BundleGenerator.generate(ROOT));
  }

  @Test
  void editedMissingAndExtraFilesAreReported(@TempDir Path copy) throws IOException {
    Bundle bundle = BundleGenerator.generate(ROOT);
    bundle.write(copy);
    Files.writeString(copy.resolve("bundle/metadata/annotations.yaml"), "annotations: {}\n");
    Files.delete(copy.resolve("bundle.Dockerfile"));
    Files.writeString(copy.resolve("bundle/manifests/leftover.yaml"), "kind: ConfigMap\n");

    assertThat(bundle.differencesFrom(copy))
        .containsExactlyInAnyOrder(
            "bundle/metadata/annotations.yaml differs",
            "bundle.Dockerfile is missing",
            "bundle/manifests/leftover.yaml is not generated");
  }

  @Test
  void writingRemovesFilesTheBundleNoLongerHas(@TempDir Path copy) throws IOException {
    Bundle bundle = BundleGenerator.generate(ROOT);
    Files.createDirectories(copy.resolve("bundle/manifests"));
    Files.writeString(copy.resolve("bundle/manifests/leftover.yaml"), "kind: ConfigMap\n");

    bundle.write(copy);

    assertThat(bundle.differencesFrom(copy)).isEmpty();
  }
}
