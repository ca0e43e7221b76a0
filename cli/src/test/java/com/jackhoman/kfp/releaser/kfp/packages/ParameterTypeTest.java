package com.jackhoman.kfp.releaser.kfp.packages;

import static com.jackhoman.kfp.releaser.kfp.packages.PackageFormat.ARGO_WORKFLOW;
import static com.jackhoman.kfp.releaser.kfp.packages.PackageFormat.PIPELINE_SPEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A user-given value is accepted, converted from text, or refused as KFP would. */
class ParameterTypeTest {

  private static final ObjectMapper JSON = new JsonMapper();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STRING         | '\"abc\"'       | '\"abc\"'",
        "STRING         | '\"3\"'         | '\"3\"'",
        "NUMBER_INTEGER | 3               | 3",
        "NUMBER_INTEGER | '\"3\"'         | 3",
        "NUMBER_INTEGER | 5.0             | 5",
        "NUMBER_DOUBLE  | 2.5             | 2.5",
        "NUMBER_DOUBLE  | '\"2.5\"'       | 2.5",
        "NUMBER_DOUBLE  | 3               | 3",
        "BOOLEAN        | true            | true",
        "BOOLEAN        | '\"false\"'     | false",
        "LIST           | '[1, \"a\"]'    | '[1, \"a\"]'",
        "LIST           | '\"[1, 2]\"'    | '[1, 2]'",
        "STRUCT         | '{\"a\": 1}'    | '{\"a\": 1}'",
        "STRUCT         | '\"{\\\"a\\\": 1}\"' | '{\"a\": 1}'",
      })
  void valueOfTheRightTypeOrParsableTextIsAccepted(
      ParameterType type, String given, String expected) throws Exception {
    assertThat(type.coerce(JSON.readTree(given), PIPELINE_SPEC)).isEqualTo(JSON.readTree(expected));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NUMBER_INTEGER | '\"abc\"'  | 'value \"abc\" is not a NUMBER_INTEGER'",
        "NUMBER_INTEGER | 2.5        | 'value 2.5 is not a NUMBER_INTEGER'",
        "NUMBER_INTEGER | '\"3 4\"'  | 'value \"3 4\" is not a NUMBER_INTEGER'",
        "NUMBER_DOUBLE  | true       | 'value true is not a NUMBER_DOUBLE'",
        "STRING         | 3          | 'value 3 is not a STRING'",
        "BOOLEAN        | '\"yes\"'  | 'value \"yes\" is not a BOOLEAN'",
        "LIST           | '\"{}\"'   | 'value \"{}\" is not a LIST'",
        "STRUCT         | '[1]'      | 'value [1] is not a STRUCT'",
      })
  void valueOfTheWrongTypeIsRefusedWithAClearMessage(
      ParameterType type, String given, String message) throws Exception {
    JsonNode value = JSON.readTree(given);

    assertThatThrownBy(() -> type.coerce(value, PIPELINE_SPEC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void taskFinalStatusCannotBeGivenAValue() throws Exception {
    JsonNode value = JSON.readTree("{}");

    assertThatThrownBy(() -> ParameterType.TASK_FINAL_STATUS.coerce(value, PIPELINE_SPEC))
        .hasMessage("value {} cannot be given: KFP sets a TASK_FINAL_STATUS input itself");
  }

  @Test
  void argoParameterTakesAnyScalarAsItsStringForm() throws Exception {
    assertThat(ParameterType.STRING.coerce(JSON.readTree("10"), ARGO_WORKFLOW))
        .isEqualTo(TextNode.valueOf("10"));
    assertThat(ParameterType.STRING.coerce(JSON.readTree("true"), ARGO_WORKFLOW))
        .isEqualTo(TextNode.valueOf("true"));
    assertThat(ParameterType.STRING.coerce(JSON.readTree("\"x\""), ARGO_WORKFLOW))
        .isEqualTo(TextNode.valueOf("x"));
  }

  @Test
  void argoParameterRefusesAList() throws Exception {
    JsonNode value = JSON.readTree("[1]");

    assertThatThrownBy(() -> ParameterType.STRING.coerce(value, ARGO_WORKFLOW))
        .hasMessage("value [1] is not a STRING (Argo workflow parameters are strings)");
  }

  @Test
  void formatHasItsDisplayName() {
    assertThat(ARGO_WORKFLOW.displayName()).isEqualTo("ArgoWorkflow");
    assertThat(PIPELINE_SPEC.displayName()).isEqualTo("PipelineSpec");
  }
}
