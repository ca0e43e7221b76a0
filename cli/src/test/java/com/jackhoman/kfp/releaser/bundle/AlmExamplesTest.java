package com.jackhoman.kfp.releaser.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import com.jackhoman.kfp.releaser.validate.ObjectValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV's alm-examples are tested manifests that the API server would accept. */
class AlmExamplesTest {

  private final ObjectValidator validator = new ObjectValidator(CustomResourceDefinitions.load());

  @Test
  void thereIsOneNamedExamplePerOwnedKindInOwnedOrder() throws IOException {
    List<String> ownedKinds = new ArrayList<>();
    BundleFiles.csv()
        .path("spec")
        .path("customresourcedefinitions")
        .path("owned")
        .forEach(api -> ownedKinds.add(api.path("kind").asText()));
    List<String> exampleKinds = new ArrayList<>();
    examples().forEach(example -> exampleKinds.add(example.path("kind").asText()));

    assertThat(exampleKinds).isEqualTo(ownedKinds);
    assertThat(examples())
        .allSatisfy(e -> assertThat(e.path("metadata").path("name").asText()).isNotBlank());
  }

  @Test
  void everyExampleIsValidAgainstItsCrd() throws IOException {
    for (JsonNode example : examples()) {
      KindSchema kind =
          validator
              .crds()
              .find(example.path("apiVersion").asText(), example.path("kind").asText())
              .orElseThrow();

      assertThat(validator.validate(kind, example, null))
          .as(example.path("kind").asText())
          .isEmpty();
    }
  }

  @Test
  void anExampleWithAFieldTheSchemaLacksIsCaught() throws IOException {
    JsonNode example = examples().get(0).deepCopy();
    ((ObjectNode) example.path("spec")).put("colour", "blue");
    KindSchema kind =
        validator.crds().find(example.path("apiVersion").asText(), "Pipeline").orElseThrow();

    assertThat(validator.validate(kind, example, null)).isNotEmpty();
  }

  private static List<JsonNode> examples() throws IOException {
    JsonNode examples =
        new ObjectMapper()
            .readTree(
                BundleFiles.csv()
                    .path("metadata")
                    .path("annotations")
                    .path("alm-examples")
                    .asText());
    assertThat(examples.isArray()).isTrue();
    List<JsonNode> list = new ArrayList<>();
    examples.forEach(list::add);
    return list;
  }
}
