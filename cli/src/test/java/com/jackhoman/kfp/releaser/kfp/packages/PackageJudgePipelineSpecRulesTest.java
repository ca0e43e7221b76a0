package com.jackhoman.kfp.releaser.kfp.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IR packages (and the inline wrapper) that KFP 2.x refuses, and why. */
class PackageJudgePipelineSpecRulesTest {

  private static final ObjectMapper JSON = new JsonMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String SPEC =
      """
      pipelineInfo: {name: echo}
      root: {dag: {tasks: {}}}
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.14.6
      """;
  private static final String PLATFORM = "platforms: {kubernetes: {deploymentSpec: {}}}\n";

  private final PackageJudge judge = new PackageJudge();

  @Test
  void minimalSpecIsAccepted() throws Exception {
    assertThat(judge.judgeFile("p.yaml", SPEC).name()).isEqualTo("echo");
  }

  @Test
  void nameBreakingKfpsPipelineNameRuleIsRefused() {
    assertThat(problems(SPEC.replace("{name: echo}", "{name: My Pipeline}")))
        .containsExactly(
            "pipelineInfo.name: \"My Pipeline\" does not match ^[a-z0-9][a-z0-9-]{0,127}$ (KFP's"
                + " pipeline name rule)");
  }

  @Test
  void nameLongerThan128CharactersIsRefused() {
    String name = "a".repeat(129);

    assertThat(problems(SPEC.replace("{name: echo}", "{name: " + name + "}")))
        .singleElement()
        .asString()
        .startsWith("pipelineInfo.name: \"" + name + "\" does not match");
  }

  @Test
  void emptyNameIsRefused() {
    assertThat(problems(SPEC.replace("{name: echo}", "{name: ''}")))
        .containsExactly("pipelineInfo.name: missing or empty; KFP needs the pipeline's name");
  }

  @Test
  void specWithoutRootIsRefused() {
    assertThat(problems(SPEC.replace("root: {dag: {tasks: {}}}\n", "")))
        .containsExactly("root: missing or not an object; KFP needs the root component");
  }

  @Test
  void schemaVersionOtherThan210IsRefused() {
    assertThat(problems(SPEC.replace("2.1.0", "2.0.0")))
        .containsExactly(
            "schemaVersion: \"2.0.0\" is not supported; KFP 2.x accepts only 2.1.0 (recompile"
                + " with kfp>=2.0)");
  }

  @Test
  void missingSchemaVersionIsRefused() {
    assertThat(problems(SPEC.replace("schemaVersion: 2.1.0\n", "")))
        .containsExactly(
            "schemaVersion: missing; KFP 2.x accepts only 2.1.0 (recompile with kfp>=2.0)");
  }

  @Test
  void unknownTopLevelFieldIsRefusedByName() {
    assertThat(problems(SPEC + "pipelineConfig: {}\n"))
        .containsExactly(
            "pipelineConfig: not a field of a KFP pipeline spec (known: pipelineInfo,"
                + " deploymentSpec, sdkVersion, schemaVersion, components, root,"
                + " defaultPipelineRoot); KFP parses the spec strictly and rejects unknown fields");
  }

  @Test
  void twoPipelineSpecDocumentsAreRefused() {
    assertThat(problems(SPEC + "---\n" + SPEC))
        .containsExactly(
            "multiple pipeline specs: the package holds 2 pipeline-spec documents; KFP accepts at"
                + " most one");
  }

  @Test
  void twoPlatformSpecDocumentsAreRefused() {
    assertThat(problems(SPEC + "---\n" + PLATFORM + "---\n" + PLATFORM))
        .containsExactly(
            "multiple platform specs: the package holds 2 documents with platforms.kubernetes;"
                + " KFP accepts at most one");
  }

  @Test
  void platformSpecWithAnUnknownFieldIsRefusedBecauseKfpWouldDropIt() {
    assertThat(problems(SPEC + "---\n" + PLATFORM + "extra: 1\n"))
        .containsExactly(
            "extra: not a field of a KFP platform spec (only platforms); KFP would silently ignore"
                + " the whole platform spec");
  }

  @Test
  void otherDocumentsAreIgnored() throws Exception {
    PipelinePackage judged =
        judge.judgeFile("p.yaml", "kind: ConfigMap\n---\n" + SPEC + "---\n- a list\n");

    assertThat(judged.name()).isEqualTo("echo");
    assertThat(judged.platformSpec()).isNull();
  }

  @Test
  void unknownParameterTypeIsRefused() {
    String spec =
        SPEC.replace(
            "root: {dag: {tasks: {}}}",
            "root: {inputDefinitions: {parameters: {x: {parameterType: TEXT}}}}");

    assertThat(problems(spec))
        .containsExactly(
            "root.inputDefinitions.parameters.x.parameterType: \"TEXT\" is not a KFP parameter"
                + " type [STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, LIST, STRUCT,"
                + " TASK_FINAL_STATUS]");
  }

  @Test
  void documentThatIsNeitherFormatIsAnUnknownTemplateFormat() {
    assertThat(problems("apiVersion: v1\nkind: ConfigMap\n"))
        .containsExactly(
            "unknown template format: neither an Argo Workflow (apiVersion argoproj.io/v1alpha1,"
                + " kind Workflow) nor a KFP pipeline spec (pipelineInfo, root)");
  }

  @Test
  void invalidJsonFileIsRefused() {
    assertThat(
            catchThrowableOfType(
                    InvalidPackageException.class, () -> judge.judgeFile("p.json", "{\"a\": "))
                .problems())
        .singleElement()
        .asString()
        .startsWith("not valid JSON: ");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String spec =
        """
        pipelineInfo: {name: Bad_Name}
        schemaVersion: 2.0.0
        extra: true
        """;

    assertThat(problems(spec)).hasSize(4);
  }

  @Test
  void wrapperWithAnUnknownKeyIsRefused() throws Exception {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.set("pipeline_spec", yaml(SPEC));
    wrapper.set("platform_spec", yaml(PLATFORM));
    wrapper.put("pipelineSpec", "typo");

    assertThat(inlineProblems(wrapper))
        .containsExactly(
            "pipelineSpec: not allowed in the wrapper; KFP's wrapper holds only pipeline_spec and"
                + " platform_spec");
  }

  @Test
  void wrapperWhosePlatformSpecIsNotOneIsRefused() throws Exception {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.set("pipeline_spec", yaml(SPEC));
    wrapper.set("platform_spec", yaml("platforms: {}\n"));

    assertThat(inlineProblems(wrapper))
        .containsExactly("platform_spec: not a KFP platform spec (platforms.kubernetes)");
  }

  @Test
  void wrapperProblemsAndSpecProblemsAreReportedTogether() throws Exception {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.set("pipeline_spec", yaml(SPEC.replace("2.1.0", "2.0.0")));
    wrapper.put("extra", 1);

    assertThat(inlineProblems(wrapper)).hasSize(2);
  }

  @Test
  void wrapperWithoutPipelineSpecIsRefused() throws Exception {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.set("platform_spec", yaml(PLATFORM));

    assertThat(inlineProblems(wrapper))
        .containsExactly("pipeline_spec: missing or not a KFP pipeline spec (pipelineInfo, root)");
  }

  private List<String> problems(String yaml) {
    return catchThrowableOfType(
            InvalidPackageException.class, () -> judge.judgeFile("pipeline.yaml", yaml))
        .problems();
  }

  private List<String> inlineProblems(JsonNode workflow) {
    return catchThrowableOfType(InvalidPackageException.class, () -> judge.judgeInline(workflow))
        .problems();
  }

  private static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text);
  }
}
