package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfp-releaser sandbox --once}: the README's main job, and its verdict on broken input. */
class SandboxCommandIT {

  @TempDir Path files;

  @Test
  void theExamplesAllBecomeReadyAndTheTablesShowTheirKfpIds() {
    CliRun run =
        CliRun.of("sandbox", "--once", "--kubeconfig=" + files.resolve("kubeconfig"), "examples");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("18 of 18 objects Ready")
        .containsPattern("default\\s+cowsay\\s+[0-9a-f-]{36}\\s+True")
        .contains("$ kubectl get recurringruns -A")
        .contains("In KFP (")
        .containsPattern(
            "RecurringRun\\s+default/cowsay-every-morning\\s+[0-9a-f-]{36}\\s+enabled");
  }

  @Test
  void aBrokenManifestFailsTheRunWithItsConditionMessage() throws Exception {
    Path broken = files.resolve("broken.yaml");
    Files.writeString(
        broken,
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
            pipelineInfo: {name: Not A Valid Name}
            root: {dag: {tasks: {}}}
            schemaVersion: 2.1.0
        """);

    CliRun run =
        CliRun.of(
            "sandbox",
            "--once",
            "--timeout=20s",
            "--kubeconfig=" + files.resolve("kubeconfig"),
            broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("1 of 2 objects Ready")
        .contains("Not Ready:")
        .contains("PipelineVersion default/train-v1: InvalidSpec:")
        .contains("Not A Valid Name");
  }
}
