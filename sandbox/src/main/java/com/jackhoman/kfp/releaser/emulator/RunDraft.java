package com.jackhoman.kfp.releaser.emulator;

/** A create-run request (v2beta1 {@code Run}); nullable ids mean "not given". */
record RunDraft(
    String displayName,
    String description,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    RequestedParameters parameters,
    String serviceAccount) {}
