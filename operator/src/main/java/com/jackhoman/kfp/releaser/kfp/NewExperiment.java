package com.jackhoman.kfp.releaser.kfp;

/** What to create an experiment with; {@code namespace} empty means single-user KFP. */
public record NewExperiment(String namespace, String name, String description, OwnerMark owner) {}
