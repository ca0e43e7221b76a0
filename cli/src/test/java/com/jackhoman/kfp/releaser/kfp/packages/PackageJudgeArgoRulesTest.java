package com.jackhoman.kfp.releaser.kfp.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo workflows that KFP 2.x's upload (with Argo's lint) refuses, and why. */
class PackageJudgeArgoRulesTest {

  private final PackageJudge judge = new PackageJudge();

  @Test
  void argoWorkflowOfAnotherApiVersionIsRefused() {
    assertThat(problems(workflow("argoproj.io/v1beta1", "Workflow", "")))
        .containsExactly(
            "apiVersion: \"argoproj.io/v1beta1\" is not supported; KFP accepts only"
                + " argoproj.io/v1alpha1 Argo Workflows");
  }

  @Test
  void argoKindOtherThanWorkflowIsAnUnknownFormat() {
    assertThat(problems(workflow("argoproj.io/v1alpha1", "WorkflowTemplate", "")))
        .containsExactly(PipelineSpecReader.UNKNOWN_FORMAT);
  }

  @Test
  void workflowWithoutNameOrGenerateNameIsRefused() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {}
        spec:
          entrypoint: main
          templates: [{name: main, container: {image: busybox}}]
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "metadata: neither name nor generateName is set; Argo requires one of them");
  }

  @Test
  void workflowNameIsPreferredToGenerateName() throws Exception {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: fixed, generateName: generated-}
        spec:
          entrypoint: main
          templates: [{name: main, container: {image: busybox}}]
        """;

    assertThat(judge.judgeFile("w.yaml", yaml).name()).isEqualTo("fixed");
  }

  @Test
  void workflowWithoutTemplatesIsRefused() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: w-}
        spec:
          entrypoint: main
          templates: []
        """;

    assertThat(problems(yaml))
        .containsExactly("spec.templates: empty; an Argo Workflow needs at least one template");
  }

  @Test
  void unnamedAndDuplicateTemplatesAreAllReported() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: w-}
        spec:
          entrypoint: main
          templates:
          - {name: main, container: {image: busybox}}
          - {container: {image: busybox}}
          - {name: main, container: {image: busybox}}
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "spec.templates[1].name: missing; every Argo template needs a name",
            "spec.templates[2].name: \"main\" is used by an earlier template; Argo template names"
                + " must be unique");
  }

  @Test
  void missingEntrypointIsRefused() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: w-}
        spec:
          templates: [{name: main, container: {image: busybox}}]
        """;

    assertThat(problems(yaml))
        .containsExactly("spec.entrypoint: missing; Argo needs the template to start with");
  }

  @Test
  void entrypointNamingNoTemplateIsRefused() {
    assertThat(
            problems(
                workflow("argoproj.io/v1alpha1", "Workflow", "")
                    .replace("entrypoint: main", "entrypoint: x")))
        .containsExactly("spec.entrypoint: \"x\" names no template in spec.templates");
  }

  @Test
  void duplicateAndUnnamedParametersAreReported() {
    String parameters =
        """
          arguments:
            parameters:
            - {name: p, value: a}
            - {value: b}
            - {name: p}
        """;

    assertThat(problems(workflow("argoproj.io/v1alpha1", "Workflow", parameters)))
        .containsExactly(
            "spec.arguments.parameters[1].name: missing",
            "spec.arguments.parameters[2].name: \"p\" is declared more than once; Argo parameter"
                + " names must be unique");
  }

  @Test
  void parametersLargerThanMaxParameterBytesAreRefused() {
    String parameters =
        "  arguments:\n    parameters:\n    - {name: big, value: \"" + "x".repeat(9_974) + "\"}\n";

    assertThat(problems(workflow("argoproj.io/v1alpha1", "Workflow", parameters)))
        .containsExactly(
            "spec.arguments.parameters: 10001 bytes as KFP stores them, more than"
                + " MAX_PARAMETER_BYTES (10000)");
  }

  @Test
  void parametersOfExactlyMaxParameterBytesAreAccepted() throws Exception {
    String parameters =
        "  arguments:\n    parameters:\n    - {name: big, value: \"" + "x".repeat(9_973) + "\"}\n";

    assertThat(
            judge
                .judgeFile("w.yaml", workflow("argoproj.io/v1alpha1", "Workflow", parameters))
                .inputs())
        .hasSize(1);
  }

  @Test
  void scalarParameterValuesBecomeStrings() throws Exception {
    String parameters =
        """
          arguments:
            parameters:
            - {name: count, value: 10}
            - {name: flag, value: true}
        """;

    PipelinePackage judged =
        judge.judgeFile("w.yaml", workflow("argoproj.io/v1alpha1", "Workflow", parameters));

    assertThat(judged.inputs())
        .extracting(input -> input.defaultValue().textValue())
        .containsExactly("10", "true");
  }

  @Test
  void v2CompatibleWorkflowNeedsAPipelineNameParameterThatPassesTheNameRule() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: w-
          annotations: {pipelines.kubeflow.org/v2_pipeline: "true"}
        spec:
          entrypoint: main
          arguments:
            parameters: [{name: pipeline-name, value: pipeline/my-pipeline}]
          templates: [{name: main, container: {image: busybox}}]
        """;

    assertThat(problems(yaml))
        .containsExactly(
            "spec.arguments.parameters[pipeline-name] (checked because of annotation"
                + " pipelines.kubeflow.org/v2_pipeline: \"true\"): \"pipeline/my-pipeline\" does not"
                + " match ^[a-z0-9][a-z0-9-]{0,127}$ (KFP's pipeline name rule)");
  }

  @Test
  void v2CompatibleWorkflowWithAValidPipelineNameIsAccepted() throws Exception {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: w-
          annotations: {pipelines.kubeflow.org/v2_pipeline: "true"}
        spec:
          entrypoint: main
          arguments:
            parameters: [{name: pipeline-name, value: my-pipeline}]
          templates: [{name: main, container: {image: busybox}}]
        """;

    assertThat(judge.judgeFile("w.yaml", yaml).format()).isEqualTo(PackageFormat.ARGO_WORKFLOW);
  }

  @Test
  void everyArgoProblemIsReportedAtOnce() {
    String yaml =
        """
        apiVersion: argoproj.io/v1
        kind: Workflow
        spec:
          templates: []
        """;

    assertThat(problems(yaml)).hasSize(4);
  }

  private static String workflow(String apiVersion, String kind, String specExtra) {
    return "apiVersion: "
        + apiVersion
        + "\nkind: "
        + kind
        + "\nmetadata: {generateName: w-}\nspec:\n  entrypoint: main\n"
        + specExtra
        + "  templates:\n  - name: main\n    container: {image: busybox}\n";
  }

  private List<String> problems(String yaml) {
    return catchThrowableOfType(
            InvalidPackageException.class, () -> judge.judgeFile("workflow.yaml", yaml))
        .problems();
  }
}
