package com.jackhoman.kfp.releaser.kfp.packages;

/** The two kinds of compiled package a KFP 2.x server accepts. */
public enum PackageFormat {
  ARGO_WORKFLOW("ArgoWorkflow"),
  PIPELINE_SPEC("PipelineSpec");

  private final String displayName;

  PackageFormat(String displayName) {
    this.displayName = displayName;
  }

  /** Returns the name shown to users, such as {@code PipelineSpec}. */
  public String displayName() {
    return displayName;
  }
}
