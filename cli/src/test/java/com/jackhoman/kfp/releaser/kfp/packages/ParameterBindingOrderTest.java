package com.jackhoman.kfp.releaser.kfp.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jackhoman.kfp.releaser.kfp.packages.ParameterBinding.Given;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the operator makes of a package and a run's parameters does not depend on the order of keys
 * in a map: kube-apiserver serves custom resources with every map's keys sorted, so the order a
 * user wrote is not the order the operator reads.
 */
class ParameterBindingOrderTest {

  private static final ObjectMapper JSON = new JsonMapper();

  @Test
  void inputsOfAPipelineSpecAreInNameOrderWhateverTheOrderOfItsMap() throws Exception {
    PipelinePackage declaredZetaFirst = pipelineSpec("zeta", "alpha");
    PipelinePackage declaredAlphaFirst = pipelineSpec("alpha", "zeta");

    assertThat(declaredZetaFirst.inputs())
        .extracting(PipelineInput::name)
        .containsExactly("alpha", "zeta");
    assertThat(declaredZetaFirst.inputs()).isEqualTo(declaredAlphaFirst.inputs());
  }

  @Test
  void anUnknownNameIsToldTheInputsInNameOrder() throws Exception {
    ParameterBinding binding =
        ParameterBinding.bind(
            pipelineSpec("zeta", "alpha"),
            "train-v1",
            List.of(new Given("beta", JSON.readTree("{\"z\":1}"))));

    assertThat(binding.mistakes())
        .extracting(ParameterBinding.Mistake::message)
        .contains(
            "\"beta\" is not an input of PipelineVersion \"train-v1\"; its inputs are alpha, zeta");
  }

  @Test
  void anObjectValueIsBoundWithItsKeysSortedAtEveryDepth() throws Exception {
    ParameterBinding binding =
        ParameterBinding.bind(
            pipelineSpec("zeta", "alpha"),
            "train-v1",
            List.of(
                new Given(
                    "alpha", JSON.readTree("{\"z\":1,\"a\":{\"y\":[{\"d\":1,\"c\":2}],\"b\":2}}")),
                new Given("zeta", JSON.readTree("{}"))));

    assertThat(binding.values().get("alpha").toString())
        .isEqualTo("{\"a\":{\"b\":2,\"y\":[{\"c\":2,\"d\":1}]},\"z\":1}");
  }

  /** A KFP v2 pipeline spec declaring two STRUCT inputs in the order given. */
  private static PipelinePackage pipelineSpec(String first, String second) throws Exception {
    JsonNode spec =
        JSON.readTree(
            """
            {"pipelineInfo": {"name": "train"}, "schemaVersion": "2.1.0",
             "root": {"dag": {"tasks": {}}, "inputDefinitions": {"parameters": {
               "%s": {"parameterType": "STRUCT"}, "%s": {"parameterType": "STRUCT"}}}}}
            """
                .formatted(first, second));
    return new PackageJudge().judgeInline(spec);
  }
}
