package com.jackhoman.kfp.releaser.kfp;

/** What to upload a pipeline version with; the package is the compiled pipeline as YAML text. */
public record NewPipelineVersion(
    String pipelineId,
    String name,
    String displayName,
    String description,
    OwnerMark owner,
    String packageYaml) {}
