package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jackhoman.kfp.releaser.kfp.packages.PackageJudge;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code kfp-releaser render}: compiled package in, a PipelineVersion that validates out. */
class RenderCommandTest {

  private static final Path PACKAGES = Path.of("cli/src/test/resources/kfp-packages");
  private static final String PIPELINE =
      "apiVersion: kfp.jackhoman.com/v1alpha1\nkind: Pipeline\nmetadata: {name: train, namespace: ml}\n";

  static Stream<Path> packages() throws IOException {
    try (Stream<Path> files = Files.list(PACKAGES)) {
      return files.filter(f -> !f.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void renderedManifestValidatesAndCarriesTheSamePackage(Path file) throws Exception {
    CliRun render =
        CliRun.of(
            "render",
            file.toString(),
            "--pipeline",
            "train",
            "--name",
            "train-v1",
            "--namespace",
            "ml",
            "--description",
            "from CI");

    assertThat(render.exitCode()).as(render.err()).isZero();
    CliRun validate = CliRun.withStdin(PIPELINE + "---\n" + render.out(), "validate", "-");
    assertThat(validate.exitCode()).as(validate.out()).isZero();

    JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(render.out());
    assertThat(manifest.at("/metadata/namespace").asText()).isEqualTo("ml");
    assertThat(manifest.at("/spec/pipeline").asText()).isEqualTo("train");
    assertThat(manifest.at("/spec/description").asText()).isEqualTo("from CI");
    PackageJudge judge = new PackageJudge();
    PipelinePackage original = judge.judgeFile(file.toString(), Files.readString(file));
    PipelinePackage rendered = judge.judgeInline(manifest.at("/spec/workflow"));
    assertThat(rendered.specHash()).isEqualTo(original.specHash());
    assertThat(rendered.inputs()).isEqualTo(original.inputs());
  }

  @Test
  void aPackageKfpWouldRefuseIsNotRendered() {
    CliRun run =
        CliRun.withStdin(
            "pipelineInfo: {name: Bad Name}\nroot: {dag: {tasks: {}}}\nschemaVersion: 2.1.0\n",
            "render",
            "-",
            "--pipeline",
            "train",
            "--name",
            "train-v1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("render: -: pipelineInfo.name: \"Bad Name\" does not match");
  }

  @Test
  void aMissingPackageFileIsAUsageError() {
    CliRun run = CliRun.of("render", "nope.yaml", "--pipeline", "train", "--name", "train-v1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("render: no such file: nope.yaml");
  }

  @Test
  void pipelineAndNameAreRequired() {
    CliRun run = CliRun.of("render", PACKAGES.resolve("hello_world.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required options: '--pipeline=P', '--name=V'");
  }
}
