package com.jackhoman.kfp.releaser.kfp.packages;

import static com.jackhoman.kfp.releaser.kfp.packages.PackageFormat.ARGO_WORKFLOW;
import static com.jackhoman.kfp.releaser.kfp.packages.PackageFormat.PIPELINE_SPEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real package in {@code kfp-packages/} is judged as its INDEX.md says KFP does. */
class PackageJudgeAcceptsKfpTestdataTest {

  private static final ObjectMapper JSON = new JsonMapper();
  private final PackageJudge judge = new PackageJudge();

  static Stream<Arguments> packages() {
    return Stream.of(
        arguments("hello-world.yaml", ARGO_WORKFLOW, "hello-world-", List.of()),
        arguments(
            "arguments-parameters.yaml",
            ARGO_WORKFLOW,
            "arguments-parameters-",
            List.of(
                input("param1", ParameterType.STRING, "\"hello\"", false),
                input("param2", ParameterType.STRING, null, true))),
        arguments(
            "pipelineparams.yaml",
            ARGO_WORKFLOW,
            "pipelineparams-",
            List.of(
                input("tag", ParameterType.STRING, "\"latest\"", false),
                input("sleep_ms", ParameterType.STRING, "\"10\"", false))),
        arguments("hello_world.yaml", PIPELINE_SPEC, "echo", List.of()),
        arguments(
            "preprocess.yaml",
            PIPELINE_SPEC,
            "preprocess",
            List.of(
                input("input_dict_parameter", ParameterType.STRUCT, null, true),
                input("input_list_parameter", ParameterType.LIST, null, true),
                input("message", ParameterType.STRING, null, true))),
        arguments(
            "lightweight_python_functions_with_outputs.yaml",
            PIPELINE_SPEC,
            "functions-with-outputs",
            List.of(
                input("first_message", ParameterType.STRING, null, true),
                input("first_number", ParameterType.NUMBER_INTEGER, null, true),
                input("second_message", ParameterType.STRING, null, true),
                input("second_number", ParameterType.NUMBER_INTEGER, null, true))),
        arguments(
            "if_elif_else_complex.yaml",
            PIPELINE_SPEC,
            "lucky-number-pipeline",
            List.of(
                input("add_drumroll", ParameterType.BOOLEAN, "true", false),
                input("repeat_if_lucky_number", ParameterType.BOOLEAN, "true", false),
                input("trials", ParameterType.LIST, "[1.0, 2.0, 3.0]", false))),
        arguments(
            "pipeline_with_secret_as_env.yaml",
            PIPELINE_SPEC,
            "pipeline-secret-env",
            List.of(input("secret_parm", ParameterType.STRING, "\"test-secret-1\"", false))),
        arguments(
            "pipeline_with_importer.json",
            PIPELINE_SPEC,
            "pipeline-with-importer",
            List.of(
                input(
                    "dataset2",
                    ParameterType.STRING,
                    "\"gs://ml-pipeline-playground/shakespeare2.txt\"",
                    false))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void realPackageIsAcceptedWithItsFormatNameAndDeclaredInputs(
      String file, PackageFormat format, String name, List<PipelineInput> inputs) throws Exception {
    PipelinePackage judged = KfpTestPackages.judged(file);

    assertThat(judged.format()).isEqualTo(format);
    assertThat(judged.name()).isEqualTo(name);
    assertThat(judged.inputs()).containsExactlyElementsOf(inputs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void inlineFormJudgesTheSameAsTheFile(String file) throws Exception {
    PipelinePackage judged = KfpTestPackages.judged(file);

    assertThat(judge.judgeInline(judged.inline())).isEqualTo(judged);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void uploadYamlJudgesTheSameAsTheFile(String file) throws Exception {
    PipelinePackage judged = KfpTestPackages.judged(file);

    assertThat(judge.judgeFile("upload.yaml", judged.uploadYaml())).isEqualTo(judged);
  }

  @Test
  void platformSpecDocumentIsKeptAndInlinedAsKfpsWrapper() throws Exception {
    PipelinePackage judged = KfpTestPackages.judged("pipeline_with_secret_as_env.yaml");

    assertThat(judged.platformSpec().at("/platforms/kubernetes/deploymentSpec/executors"))
        .isNotEmpty();
    assertThat(judged.inline().get("pipeline_spec")).isEqualTo(judged.pipelineSpec());
    assertThat(judged.inline().get("platform_spec")).isEqualTo(judged.platformSpec());
    assertThat(judge.judgeInline(judged.inline()).platformSpec()).isEqualTo(judged.platformSpec());
  }

  @Test
  void uploadYamlPutsThePlatformSpecInASecondDocument() throws Exception {
    PipelinePackage judged = KfpTestPackages.judged("pipeline_with_secret_as_env.yaml");

    assertThat(judged.uploadYaml().split("(?m)^---$")).hasSize(2);
  }

  @Test
  void packageWithoutPlatformSpecIsInlinedAsTheSpecItself() throws Exception {
    PipelinePackage judged = KfpTestPackages.judged("hello_world.yaml");

    assertThat(judged.platformSpec()).isNull();
    assertThat(judged.inline()).isEqualTo(judged.pipelineSpec());
    assertThat(judged.inline().path("pipelineInfo").path("name").asText()).isEqualTo("echo");
  }

  private static PipelineInput input(
      String name, ParameterType type, String defaultJson, boolean required) {
    return new PipelineInput(name, type, defaultJson == null ? null : json(defaultJson), required);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
