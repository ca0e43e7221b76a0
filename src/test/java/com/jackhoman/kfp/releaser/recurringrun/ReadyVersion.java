package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.pipelineversionspec.Workflow;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.junit.LocallyRunOperatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * A PipelineVersion of the test package (inputs: {@code message} required, {@code count} and {@code
 * verbose} optional) made Ready by hand, as its reconciler would make it: uploaded to KFP, ids and
 * Ready in its status. The PipelineVersion reconciler is built on another branch.
 */
final class ReadyVersion {

  /** The compiled package every test version carries. */
  static final String PACKAGE = read("/recurringrun/echo-with-inputs.yaml");

  private final OperatorUnderTest operator;
  private final LocallyRunOperatorExtension extension;

  ReadyVersion(OperatorUnderTest operator, LocallyRunOperatorExtension extension) {
    this.operator = operator;
    this.extension = extension;
  }

  /** Applies the PipelineVersion {@code name}, not yet Ready (no reconciler acts on it). */
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

  /** Uploads the version to KFP and writes its ids and Ready=True into its status. */
  PipelineVersion makeReady(String name) {
    PipelineVersion version = extension.get(PipelineVersion.class, name);
    KfpPipeline pipeline =
        operator
            .kfpClient()
            .pipelines()
            .create(
                new NewPipeline(
                    "",
                    OwnerMarks.kfpName(version) + "-pipeline",
                    name,
                    "",
                    OwnerMarks.of(version)));
    KfpPipelineVersion uploaded =
        operator
            .kfpClient()
            .versions()
            .upload(
                new NewPipelineVersion(
                    pipeline.id(),
                    OwnerMarks.kfpName(version),
                    name,
                    "",
                    OwnerMarks.of(version),
                    PACKAGE));
    PipelineVersionStatus status = new PipelineVersionStatus();
    status.setId(uploaded.id());
    status.setPipelineId(pipeline.id());
    status.setConditions(
        new Conditions(Clock.systemUTC())
            .set(null, ConditionType.Ready, true, Reason.Synced, "uploaded by the test", 1));
    version.setStatus(status);
    return extension.getKubernetesClient().resource(version).patchStatus();
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
