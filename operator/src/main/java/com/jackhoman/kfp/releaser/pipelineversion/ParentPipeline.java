package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.sync.dependents.ReadOnlyParent;
import com.jackhoman.kfp.releaser.sync.events.ViewChanged;
import java.util.List;

/** The Pipeline a PipelineVersion belongs to, as the read-only node its KFP version waits on. */
final class ParentPipeline {

  private ParentPipeline() {}

  /** The node: met once the Pipeline is Ready and shows its KFP id. */
  static ReadOnlyParent<Pipeline, PipelineVersion> node() {
    return new ReadOnlyParent<>(
        Pipeline.class,
        version -> version.getSpec() == null ? null : version.getSpec().getPipeline(),
        ParentPipeline::asSeenByVersions,
        pipeline -> pipeline.getStatus() == null ? null : pipeline.getStatus().getConditions(),
        pipeline -> pipeline.getStatus() == null ? null : pipeline.getStatus().getPipelineId());
  }

  /**
   * What a version looks at in its Pipeline: not the list of versions in its status, which changes
   * with every version added and would re-queue all the others.
   */
  private static List<Object> asSeenByVersions(Pipeline pipeline) {
    PipelineStatus status = pipeline.getStatus();
    return status == null
        ? ViewChanged.ofParent(pipeline, null)
        : ViewChanged.ofParent(pipeline, status.getConditions(), status.getPipelineId());
  }
}
