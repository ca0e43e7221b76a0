package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import java.util.Map;

/**
 * A create-recurring-run request in generation-neutral terms; nullable ids mean "not given", and
 * {@code pinLatest} pins a pipeline-only reference to its latest version (v1) instead of floating
 * (v2).
 */
record RecurringRunDraft(
    String displayName,
    String description,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    boolean pinLatest,
    Map<String, JsonElement> parameters,
    Trigger trigger,
    long maxConcurrency,
    boolean noCatchup,
    boolean enabled,
    String serviceAccount) {}
