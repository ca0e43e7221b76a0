package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfp-releaser validate} as a user runs it: exit codes, formats, stdin and explanations. */
class ValidateCommandTest {

  private static final String PIPELINE_AND_VERSION =
      """
      apiVersion: kfp.jackhoman.com/v1alpha1
      kind: Pipeline
      metadata: {name: train}
      ---
      apiVersion: kfp.jackhoman.com/v1alpha1
      kind: PipelineVersion
      metadata: {name: train-v1}
      spec:
        pipeline: train
        workflow:
          pipelineInfo: {name: train}
          root:
            inputDefinitions:
              parameters:
                epochs: {parameterType: NUMBER_INTEGER}
            dag: {tasks: {}}
          schemaVersion: 2.1.0
      """;

  private static String runWithCron(String cron) {
    return PIPELINE_AND_VERSION
        + """
        ---
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: RecurringRun
        metadata: {name: nightly}
        spec:
          versionRef: train-v1
          schedule: {cron: "%s"}
          parameters:
          - {name: epochs, value: "3"}
        """
            .formatted(cron);
  }

  @Test
  void aVersionTooLargeForADefaultClusterIsAnErrorNamingFileObjectLimitAndSize(@TempDir Path dir)
      throws IOException {
    CliRun run = validateCase(dir, "large-package", "large.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(
            "large\\.yaml: PipelineVersion train-v1: the object is \\d{7} bytes as JSON, too large"
                + " for a default cluster: its etcd takes requests of at most 1572864 bytes"
                + " \\(--max-request-bytes\\), and this object needs \\d{7} with its key and"
                + " metadata; kube-apiserver answers 500 \"etcdserver: request is too large\"");
  }

  @Test
  void aVersionOverTheBodyLimitIsAnErrorWithKubeApiserversAnswer(@TempDir Path dir)
      throws IOException {
    CliRun run = validateCase(dir, "huge-package", "huge.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "huge.yaml: PipelineVersion train-v1: the object is ",
            "kube-apiserver reads request bodies of at most 3145728 bytes; kube-apiserver answers"
                + " 413 \"Request entity too large: limit is 3145728\"");
  }

  @Test
  void everyExampleIsValid() {
    CliRun run = CliRun.of("validate", "examples");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).startsWith("OK: ").contains("no problems");
  }

  @Test
  void fiveFieldCronIsAcceptedAndExplainedAsKfpWillRunIt() {
    CliRun run = CliRun.withStdin(runWithCron("30 2 * * *"), "validate", "--explain", "-");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "<stdin>: RecurringRun nightly: cron \"30 2 * * *\" is \"0 30 2 * * *\" in KFP;"
                + " next runs (UTC): 2026-11-26T02:30:00Z, 2026-11-27T02:30:00Z,"
                + " 2026-11-28T02:30:00Z");
  }

  @Test
  void sixFieldCronIsPassedToKfpUnchanged() {
    CliRun run =
        CliRun.withStdin(runWithCron("15 0 */6 * * SAT,SUN"), "validate", "--explain", "-");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("is \"15 0 */6 * * SAT,SUN\" in KFP")
        .contains("2026-11-28T00:00:15Z, 2026-11-28T06:00:15Z, 2026-11-28T12:00:15Z");
  }

  @Test
  void problemsAreReportedAsJsonForMachines() throws Exception {
    CliRun run =
        CliRun.withStdin(
            runWithCron("30 2 * * *").replace("\"3\"", "three"), "validate", "-o", "json", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.get("errors").asInt()).isEqualTo(1);
    JsonNode problem = report.get("problems").get(0);
    assertThat(problem.get("source").asText()).isEqualTo("<stdin>");
    assertThat(problem.get("object").asText()).isEqualTo("RecurringRun nightly");
    assertThat(problem.get("field").asText()).isEqualTo("spec.parameters[0].value");
    assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
    assertThat(problem.get("message").asText()).contains("is not a NUMBER_INTEGER");
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    CliRun run =
        CliRun.withStdin(
            runWithCron("61 2 * * *").replace("name: epochs", "name: epoch"), "validate", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("spec.schedule.cron: minute field \"61\"")
        .contains("spec.parameters[0].name: \"epoch\" is not an input")
        .contains("spec.parameters: required input \"epochs\"")
        .contains("INVALID: 3 objects in 1 file, 3 errors, 0 warnings");
  }

  @Test
  void missingReferencesCanBeDowngradedToWarnings() {
    String versionOnly = PIPELINE_AND_VERSION.substring(PIPELINE_AND_VERSION.indexOf("---") + 4);

    CliRun strict = CliRun.withStdin(versionOnly, "validate", "-");
    CliRun lenient = CliRun.withStdin(versionOnly, "validate", "--allow-missing-refs", "-");

    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(lenient.exitCode()).as(lenient.out()).isZero();
    assertThat(lenient.out())
        .contains(
            "PipelineVersion train-v1: spec.pipeline: warning: Pipeline \"train\" is not among")
        .contains("OK with warnings: 1 object in 1 file, 0 errors, 1 warning");
  }

  @Test
  void aPathThatDoesNotExistIsAUsageError() {
    CliRun run = CliRun.of("validate", "no/such/folder");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or folder: no/such/folder");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRun run = CliRun.of("validate", "--strictest", "examples");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--strictest'");
  }

  @Test
  void everyKfpTestPackageIsValidOnItsOwn() {
    CliRun run = CliRun.of("validate", "cli/src/test/resources/kfp-packages");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("OK: 9 objects in 9 files");
  }

  /** Runs {@code validate} on the manifests of the bad-input case {@code name}, as {@code file}. */
  private static CliRun validateCase(Path dir, String name, String file) throws IOException {
    Path manifest =
        Files.writeString(
            dir.resolve(file),
            BadInputCase.all().stream()
                .filter(badInput -> badInput.name().equals(name))
                .findFirst()
                .orElseThrow()
                .manifestText());
    return CliRun.of("validate", manifest.toString());
  }
}
