package com.jackhoman.kfp.releaser.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java types generated from {@code crds/} read the examples users write. */
class GeneratedTypesTest {

  @Test
  void recurringRunOfTheExamplesReadsIntoTheGeneratedType() throws IOException {
    String yaml = Files.readString(Path.of("examples/typed-inputs/recurringruns.yaml"));
    RecurringRun run =
        Serialization.unmarshal(yaml.substring(0, yaml.indexOf("\n---")), RecurringRun.class);

    assertThat(run.getSpec().getVersionRef()).isEqualTo("functions-with-outputs-v1");
    assertThat(run.getSpec().getSchedule().getCron()).isEqualTo("0 0 2 * * *");
    assertThat(run.getSpec().getMaxConcurrency()).isEqualTo(2L);
    assertThat(run.getSpec().getParameters())
        .extracting(p -> p.getValue().getValue())
        .containsExactly("hello", 3, "world", "7");
  }

  @Test
  void originalPipelineVersionManifestReadsUnchanged() throws IOException {
    PipelineVersion version =
        Serialization.unmarshal(
            Files.readString(Path.of("examples/whalesay/versions/cowsay-v1.0.0.yaml")),
            PipelineVersion.class);

    assertThat(version.getSpec().getPipeline()).isEqualTo("cowsay");
    assertThat(version.getSpec().getWorkflow().getAdditionalProperties())
        .containsEntry("kind", "Workflow");
  }

  @Test
  void statusConditionsAreFabric8Conditions() {
    PipelineVersion version = new PipelineVersion();
    version.setStatus(new com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus());
    Condition ready = new ConditionBuilder().withType("Ready").withStatus("True").build();
    version.getStatus().setConditions(List.of(ready));

    assertThat(Serialization.asJson(version)).contains("\"type\":\"Ready\"");
  }
}
