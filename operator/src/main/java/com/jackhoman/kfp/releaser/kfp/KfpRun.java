package com.jackhoman.kfp.releaser.kfp;

import java.time.Instant;
import java.util.Optional;

/** One run that a recurring run started, with its state and times (finish empty while running). */
public record KfpRun(
    String id,
    String name,
    String recurringRunId,
    KfpRunState state,
    Instant createdAt,
    Optional<Instant> finishedAt) {}
