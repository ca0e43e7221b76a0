package com.jackhoman.kfp.releaser.kfp;

/**
 * What KFP's health endpoint says about the server behind the client.
 *
 * @param pipelineStore where KFP keeps pipelines ({@code database} or {@code kubernetes}; empty
 *     before KFP 2.14, which always uses its database)
 */
public record KfpServerInfo(
    KfpApiVersion api, String release, String commit, boolean multiUser, String pipelineStore) {

  /** The features of this server's release. */
  public KfpFeatures features() {
    return KfpFeatures.of(release, pipelineStore);
  }
}
