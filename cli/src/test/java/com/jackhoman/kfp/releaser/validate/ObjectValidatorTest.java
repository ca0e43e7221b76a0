package com.jackhoman.kfp.releaser.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admission checks of one object, including the update-only (transition) CEL rules. */
class ObjectValidatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CustomResourceDefinitions CRDS = CustomResourceDefinitions.load();
  private final ObjectValidator validator = new ObjectValidator(CRDS);

  private static final String VERSION =
      """
      apiVersion: kfp.jackhoman.com/v1alpha1
      kind: PipelineVersion
      metadata: {name: train-v1}
      spec:
        pipeline: train
        description: first
        workflow:
          pipelineInfo: {name: train}
          root: {dag: {tasks: {}}}
          schemaVersion: 2.1.0
      """;

  @Test
  void changingAPipelineVersionPackageIsRefusedWithAdviceToCreateANewVersion() throws Exception {
    ObjectNode old = (ObjectNode) YAML.readTree(VERSION);
    ObjectNode changed = old.deepCopy();
    ((ObjectNode) changed.at("/spec/workflow/pipelineInfo")).put("name", "train2");

    List<FieldError> errors = validator.validate(kind("PipelineVersion"), changed, old);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("spec");
              assertThat(error.message())
                  .startsWith("Invalid value: \"object\": PipelineVersion.spec is immutable")
                  .contains("create a new PipelineVersion");
            });
  }

  @Test
  void removingAPipelineVersionDescriptionIsRefusedToo() throws Exception {
    ObjectNode old = (ObjectNode) YAML.readTree(VERSION);
    ObjectNode changed = old.deepCopy();
    ((ObjectNode) changed.get("spec")).remove("description");

    assertThat(validator.validate(kind("PipelineVersion"), changed, old)).hasSize(1);
  }

  @Test
  void changingOnlyThePipelineVersionDeletionPolicyIsAllowed() throws Exception {
    ObjectNode old = (ObjectNode) YAML.readTree(VERSION);
    ObjectNode changed = old.deepCopy();
    ((ObjectNode) changed.get("spec")).put("deletionPolicy", "Orphan");

    assertThat(validator.validate(kind("PipelineVersion"), changed, old)).isEmpty();
  }

  @Test
  void transitionRulesAreSkippedOnCreate() throws Exception {
    assertThat(validator.validate(kind("PipelineVersion"), YAML.readTree(VERSION), null)).isEmpty();
  }

  @Test
  void intOrStringFieldsAcceptBothAndNothingElse() throws Exception {
    JsonNode schema =
        OpenApiSchemaTranslation.translate(
            YAML.readTree(
                """
                type: object
                properties:
                  port: {x-kubernetes-int-or-string: true}
                """));

    assertThat(schema.at("/properties/port/type").toString()).isEqualTo("[\"integer\",\"string\"]");
  }

  @Test
  void unknownFieldsComeFirstAndTheRestIsJudgedWithoutThem() throws Exception {
    ObjectNode run =
        (ObjectNode)
            YAML.readTree(
                """
                apiVersion: kfp.jackhoman.com/v1alpha1
                kind: RecurringRun
                metadata: {name: nightly}
                spec:
                  versionRef: train-v1
                  schedule: {cron: "30 2 * * *"}
                  parameters: {message: hello}
                """);

    assertThat(validator.validate(kind("RecurringRun"), run, null))
        .extracting(FieldError::toString)
        .startsWith("spec.parameters.message: unknown field \"spec.parameters.message\"")
        .contains(
            "spec.parameters: Invalid value: \"object\": spec.parameters in body must be of type"
                + " array: \"object\"");
    assertThat(run.at("/spec/parameters/message").asText()).isEqualTo("hello");
  }

  private static KindSchema kind(String kind) {
    return CRDS.find("kfp.jackhoman.com/v1alpha1", kind).orElseThrow();
  }
}
