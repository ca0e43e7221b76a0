package com.jackhoman.kfp.releaser.recurringrun;

import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.pipelineversionspec.Workflow;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A PipelineVersion of the test package (inputs: {@code message} required, {@code count} and {@code
 * verbose} optional) of the Pipeline {@code echo}, made Ready by the operator's own reconcilers.
 */
final class ReadyVersion {

  /** The compiled package every test version carries. */
  static final String PACKAGE = read("/recurringrun/echo-with-inputs.yaml");

  private final ShippedOperatorExtension extension;

  ReadyVersion(ShippedOperatorExtension extension) {
    this.extension = extension;
  }

  /** Applies the PipelineVersion {@code name}; it waits until its Pipeline exists. */
  PipelineVersion apply(String name) {
    PipelineVersion version = new PipelineVersion();
    version.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(extension.getNamespace()).build());
    PipelineVersionSpec spec = new PipelineVersionSpec();
    spec.setPipeline("echo");
    Workflow workflow = new Workflow();
    workflow.setAdditionalProperties(Serialization.unmarshal(PACKAGE, Map.class));
    spec.setWorkflow(workflow);
    version.setSpec(spec);
    return extension.create(version);
  }

  /**
   * Makes the version Ready the real way: creates its Pipeline {@code echo} (once), and waits for
   * the PipelineVersion reconciler to upload the version.
   */
  PipelineVersion makeReady(String name) {
    if (extension.get(Pipeline.class, "echo") == null) {
      Pipeline pipeline = new Pipeline();
      pipeline.setMetadata(
          new ObjectMetaBuilder().withName("echo").withNamespace(extension.getNamespace()).build());
      pipeline.setSpec(new PipelineSpec());
      extension.create(pipeline);
    }
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> extension.get(PipelineVersion.class, name),
            version ->
                version.getStatus() != null
                    && Conditions.holds(version.getStatus().getConditions(), ConditionType.Ready));
  }

  /** Applies the PipelineVersion {@code name} and makes it Ready at once. */
  PipelineVersion applyReady(String name) {
    apply(name);
    return makeReady(name);
  }

  private static String read(String resource) {
    try (InputStream in = ReadyVersion.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
