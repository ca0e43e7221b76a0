package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;
import java.util.Map;

/** A pipeline as the emulator keeps it; {@code namespace} is empty for shared pipelines. */
record StoredPipeline(
    String id,
    String name,
    String displayName,
    String description,
    String namespace,
    Instant createdAt,
    Map<String, String> tags) {}
