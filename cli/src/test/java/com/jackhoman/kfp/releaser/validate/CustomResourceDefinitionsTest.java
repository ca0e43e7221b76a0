package com.jackhoman.kfp.releaser.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CRDs in {@code crds/} promise what users see in kubectl: columns, names, help text. */
class CustomResourceDefinitionsTest {

  private static final CustomResourceDefinitions CRDS = CustomResourceDefinitions.load();

  @Test
  void printerColumnsMatchWhatUsersOfTheOriginalExpect() {
    assertThat(columns("Pipeline")).containsExactly("PIPELINEID", "READY", "AGE");
    assertThat(columns("PipelineVersion"))
        .containsExactly("VERSION", "PIPELINENAME", "PIPELINEID", "READY", "AGE");
    assertThat(columns("RecurringRun"))
        .containsExactly(
            "SCHEDULE", "INTERVAL", "VERSION", "SUSPENDED", "READY", "LASTRUN", "NEXTRUN", "AGE");
    assertThat(columns("Experiment")).containsExactly("EXPERIMENTID", "READY", "AGE");
  }

  @Test
  void everyKindHasItsShortNameTheKfpCategoryAndAStatusSubresource() {
    Map<String, String> shortNames =
        Map.of(
            "Pipeline", "kfpp",
            "PipelineVersion", "kfppv",
            "RecurringRun", "kfprr",
            "Experiment", "kfpexp");
    for (KindSchema kind : CRDS.kinds()) {
      JsonNode spec = kind.crd().path("spec");
      assertThat(spec.at("/names/shortNames/0").asText()).isEqualTo(shortNames.get(kind.kind()));
      assertThat(spec.at("/names/categories/0").asText()).isEqualTo("kfp");
      assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
      assertThat(spec.at("/versions/0/subresources/status").isObject()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pipeline", "PipelineVersion", "RecurringRun", "Experiment"})
  void everyFieldExplainsItselfToKubectlExplain(String kind) {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed("", kind(kind).openApiSchema(), undescribed);

    assertThat(undescribed).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pipeline", "PipelineVersion", "RecurringRun", "Experiment"})
  void everyStatusHasObservedGenerationAndConditions(String kind) {
    JsonNode status = kind(kind).openApiSchema().at("/properties/status/properties");

    assertThat(status.has("observedGeneration")).isTrue();
    assertThat(status.at("/conditions/x-kubernetes-list-map-keys/0").asText()).isEqualTo("type");
  }

  private static void collectUndescribed(String path, JsonNode schema, List<String> undescribed) {
    if (!path.isEmpty() && !path.endsWith("metadata") && !schema.has("description")) {
      undescribed.add(path);
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            field ->
                collectUndescribed(
                    SchemaWalk.join(path, field.getKey()), field.getValue(), undescribed));
    if (schema.has("items")) {
      collectUndescribed(path + "[]", schema.get("items"), undescribed);
    }
  }

  private static List<String> columns(String kind) {
    return StreamSupport.stream(
            kind(kind).crd().at("/spec/versions/0/additionalPrinterColumns").spliterator(), false)
        .map(column -> column.path("name").asText())
        .toList();
  }

  private static KindSchema kind(String kind) {
    return CRDS.find("kfp.jackhoman.com/v1alpha1", kind).orElseThrow();
  }
}
