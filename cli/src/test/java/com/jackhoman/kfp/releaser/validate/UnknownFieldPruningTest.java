package com.jackhoman.kfp.releaser.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Pruning names and removes what kube-apiserver v1.32.13 named and removed here (its answers are
 * quoted in {@code EmbeddedApiDecodingIT}).
 */
class UnknownFieldPruningTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final JsonNode SCHEMA =
      read(
          """
          type: object
          properties:
            apiVersion: {type: string}
            kind: {type: string}
            metadata: {type: object}
            spec:
              type: object
              properties:
                description: {type: string}
                workflow: {type: object, x-kubernetes-preserve-unknown-fields: true,
                           properties: {spec: {type: object, properties: {entrypoint: {type: string}}}}}
                parameters:
                  type: array
                  items: {type: object, properties: {name: {type: string}}}
                labels: {type: object, additionalProperties: {type: string}}
          """);

  @Test
  void metadataFieldsComeFirstThenTheOthersSortedAndAllAreRemoved() {
    ObjectNode object =
        (ObjectNode)
            read(
                """
                apiVersion: v1
                kind: Pipeline
                metadata: {name: a, zoo: 1, foo: 1}
                spec: {zeta: 1, description: x, colour: red, alpha: {b: 1}}
                extra: true
                """);

    assertThat(UnknownFieldPruning.prune(SCHEMA, object))
        .containsExactly(
            "metadata.foo", "metadata.zoo", "extra", "spec.alpha", "spec.colour", "spec.zeta");
    assertThat(object.toString())
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pipeline\",\"metadata\":{\"name\":\"a\"},"
                + "\"spec\":{\"description\":\"x\"}}");
  }

  @Test
  void aMapWhereTheSchemaHasAListLosesItsKeys() {
    ObjectNode object = (ObjectNode) read("spec: {parameters: {message: hi}}");

    assertThat(UnknownFieldPruning.prune(SCHEMA, object))
        .containsExactly("spec.parameters.message");
    assertThat(object.at("/spec/parameters").toString()).isEqualTo("{}");
  }

  @Test
  void listItemsAreNamedByIndexAndPreservedSubtreesKeepOnlyTheirUndeclaredFields() {
    ObjectNode object =
        (ObjectNode)
            read(
                """
                spec:
                  parameters: [{name: a, typo: 1}]
                  workflow: {kind: Workflow, spec: {entrypoint: main, templates: []}}
                  labels: {any: thing}
                """);

    assertThat(UnknownFieldPruning.prune(SCHEMA, object))
        .containsExactly("spec.parameters[0].typo", "spec.workflow.spec.templates");
    assertThat(object.at("/spec/workflow/kind").asText()).isEqualTo("Workflow");
    assertThat(object.at("/spec/workflow/spec").toString()).isEqualTo("{\"entrypoint\":\"main\"}");
    assertThat(object.at("/spec/labels/any").asText()).isEqualTo("thing");
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
