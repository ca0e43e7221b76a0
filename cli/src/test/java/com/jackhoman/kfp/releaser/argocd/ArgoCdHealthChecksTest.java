package com.jackhoman.kfp.releaser.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jackhoman.kfp.releaser.argocd.ArgoCdHealthScript.HealthStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.LuaError;

/**
 * The Argo CD health check of {@code deploy/argocd/health.lua}, tested as Argo CD tests its own:
 * each {@code <group>/<Kind>/health_test.yaml} lists testdata objects and the status and message
 * the script must give for them.
 */
class ArgoCdHealthChecksTest {

  private static final Path ARGOCD = Path.of("deploy/argocd");
  private static final Path GROUP = ARGOCD.resolve("kfp.jackhoman.com");
  private static final List<String> KINDS =
      List.of("Pipeline", "PipelineVersion", "RecurringRun", "Experiment");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> everyTestdataObjectGetsTheHealthItsTestExpects() throws IOException {
    ArgoCdHealthScript script = ArgoCdHealthScript.read(ARGOCD.resolve("health.lua"));
    List<DynamicTest> tests = new ArrayList<>();
    for (String kind : KINDS) {
      for (JsonNode test : healthTests(kind)) {
        Path input = GROUP.resolve(kind).resolve(test.path("inputPath").asText());
        HealthStatus expected =
            new HealthStatus(
                test.path("healthStatus").path("status").asText(),
                test.path("healthStatus").path("message").asText());
        tests.add(
            DynamicTest.dynamicTest(
                kind + " " + input.getFileName() + " is " + expected.status(),
                () ->
                    assertThat(script.health(YAML.readTree(input.toFile()))).isEqualTo(expected)));
      }
    }
    return tests.stream();
  }

  @Test
  void everyKindIsTestedForEveryRowOfTheMapping() throws IOException {
    for (String kind : KINDS) {
      List<String> inputs = new ArrayList<>();
      healthTests(kind).forEach(test -> inputs.add(test.path("inputPath").asText()));
      assertThat(inputs)
          .as(kind)
          .contains(
              "testdata/noStatus.yaml",
              "testdata/readyUnknown.yaml",
              "testdata/generationNotObserved.yaml",
              "testdata/ready.yaml",
              "testdata/deleting.yaml")
          .anyMatch(input -> input.startsWith("testdata/terminal"))
          .anyMatch(input -> input.startsWith("testdata/transient"));
    }
    assertThat(healthTests("RecurringRun"))
        .anyMatch(test -> test.path("healthStatus").path("status").asText().equals("Suspended"));
  }

  @Test
  void everyTerminalReasonIsDegradedSomewhere() throws IOException {
    List<String> degradedInputs = new ArrayList<>();
    for (String kind : KINDS) {
      healthTests(kind)
          .forEach(
              test -> {
                if (test.path("healthStatus").path("status").asText().equals("Degraded")) {
                  degradedInputs.add(test.path("inputPath").asText());
                }
              });
    }
    assertThat(degradedInputs)
        .contains(
            "testdata/terminalInvalidSpec.yaml",
            "testdata/terminalRejected.yaml",
            "testdata/terminalConflict.yaml",
            "testdata/terminalNotOwned.yaml");
  }

  @Test
  void scriptsRunWithoutTheStringLibraryAsInArgoCdConfigMap(@TempDir Path dir) throws IOException {
    Path usesString = dir.resolve("health.lua");
    Files.writeString(usesString, "return {status = string.upper(\"healthy\")}");

    assertThatThrownBy(() -> ArgoCdHealthScript.read(usesString).health(YAML.readTree("{}")))
        .isInstanceOf(LuaError.class);
  }

  private static JsonNode healthTests(String kind) throws IOException {
    return YAML.readTree(GROUP.resolve(kind).resolve("health_test.yaml").toFile()).path("tests");
  }
}
