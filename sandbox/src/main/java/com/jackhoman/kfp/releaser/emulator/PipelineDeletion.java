package com.jackhoman.kfp.releaser.emulator;

/**
 * Deletes a pipeline as the release does, for both generations: {@code
 * resource/resource_manager.go} {@code DeletePipeline} refuses a pipeline that still has a version
 * with 400 unless it cascades (2.0.5 and 2.5.0 never cascade; 2.14.0+ on {@code cascade=true}, v1
 * never), wrapped by {@code server/pipeline_server.go} {@code DeletePipeline}/{@code
 * DeletePipelineV1}; 1.8.5 deletes the versions with it through the database's foreign key.
 */
final class PipelineDeletion {

  private PipelineDeletion() {}

  /**
   * @param noun how the server names the call in its error: "pipeline" or "pipeline (v1beta1)"
   */
  static void delete(KfpState state, String id, String noun, boolean cascade) {
    String hint = state.release().cascades() ? ". Set cascade=true to delete all versions" : "";
    state
        .pipelines()
        .deletePipeline(
            id,
            cascade,
            version ->
                KfpError.invalidArgument(
                    "Failed to delete "
                        + noun
                        + " "
                        + id
                        + ". Check error stack: Invalid input error: Failed to delete pipeline with"
                        + " id "
                        + id
                        + " as it has existing pipeline versions (e.g. "
                        + version.id()
                        + ")"
                        + hint));
  }
}
