package com.jackhoman.kfp.releaser.kfp;

/** What to create a pipeline with; {@code namespace} empty means shared (or single-user KFP). */
public record NewPipeline(
    String namespace, String name, String displayName, String description, OwnerMark owner) {}
