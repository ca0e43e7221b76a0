package com.jackhoman.kfp.releaser.emulator;

/**
 * A create-recurring-run request in generation-neutral terms; nullable ids mean "not given", and
 * {@code pinLatest} pins a pipeline-only reference to its latest version (v1) instead of floating
 * (v2); {@code trigger} is null when the request has none.
 */
record RecurringRunDraft(
    String displayName,
    String description,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    boolean pinLatest,
    RequestedParameters parameters,
    Trigger trigger,
    long maxConcurrency,
    boolean noCatchup,
    boolean enabled,
    String serviceAccount) {}
