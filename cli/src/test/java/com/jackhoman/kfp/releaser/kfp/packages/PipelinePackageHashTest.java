package com.jackhoman.kfp.releaser.kfp.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The canonical JSON and hash of a package ignore key order, formatting and 5 versus 5.0. */
class PipelinePackageHashTest {

  private static final ObjectMapper JSON = new JsonMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private final PackageJudge judge = new PackageJudge();

  @Test
  void canonicalJsonSortsKeysRecursivelyWithoutWhitespace() throws Exception {
    PipelinePackage judged =
        judge.judgeInline(
            JSON.readTree(
                """
                {"schemaVersion": "2.1.0", "root": {"b": 1, "a": [ {"z": 1, "y": 2} ]},
                 "pipelineInfo": {"name": "p"}}
                """));

    assertThat(judged.canonicalJson())
        .isEqualTo(
            "{\"pipelineInfo\":{\"name\":\"p\"},\"root\":{\"a\":[{\"y\":2,\"z\":1}],\"b\":1},"
                + "\"schemaVersion\":\"2.1.0\"}");
  }

  @Test
  void keyOrderAndYamlFormattingDoNotChangeTheHash() throws Exception {
    JsonNode fromYaml =
        YAML.readTree(
            """
            # PIPELINE DEFINITION
            pipelineInfo:
              name: p
            root:
              dag: {tasks: {}}
            schemaVersion: '2.1.0'
            """);
    JsonNode fromJson =
        JSON.readTree(
            "{\"schemaVersion\":\"2.1.0\",\"root\":{\"dag\":{\"tasks\":{}}},"
                + "\"pipelineInfo\":{\"name\":\"p\"}}");

    assertThat(judge.judgeInline(fromYaml).specHash())
        .isEqualTo(judge.judgeInline(fromJson).specHash());
  }

  @Test
  void integralDoubleHashesLikeTheInteger() throws Exception {
    PipelinePackage withDouble = judge.judgeInline(specWithDefault("5.0"));
    PipelinePackage withInteger = judge.judgeInline(specWithDefault("5"));

    assertThat(withDouble.canonicalJson()).contains("\"defaultValue\":5,");
    assertThat(withDouble.specHash()).isEqualTo(withInteger.specHash());
  }

  @Test
  void differentValueChangesTheHash() throws Exception {
    assertThat(judge.judgeInline(specWithDefault("5.5")).specHash())
        .isNotEqualTo(judge.judgeInline(specWithDefault("5")).specHash())
        .matches("[0-9a-f]{64}");
  }

  @Test
  void hashOfARealPackageSurvivesItsUploadYaml() throws Exception {
    PipelinePackage judged = KfpTestPackages.judged("pipeline_with_secret_as_env.yaml");

    assertThat(judge.judgeFile("again.yaml", judged.uploadYaml()).specHash())
        .isEqualTo(judged.specHash());
  }

  @Test
  void changingTheInlineCopyDoesNotChangeThePackage() throws Exception {
    PipelinePackage judged = KfpTestPackages.judged("hello_world.yaml");
    String hash = judged.specHash();

    ((ObjectNode) judged.inline()).put("extra", 1);

    assertThat(judged.specHash()).isEqualTo(hash);
  }

  private static JsonNode specWithDefault(String number) throws Exception {
    return JSON.readTree(
        "{\"pipelineInfo\":{\"name\":\"p\"},\"schemaVersion\":\"2.1.0\",\"root\":"
            + "{\"inputDefinitions\":{\"parameters\":{\"n\":{\"parameterType\":\"NUMBER_INTEGER\","
            + "\"defaultValue\":"
            + number
            + "}}}}}");
  }
}
