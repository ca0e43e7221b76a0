package com.jackhoman.kfp.releaser.kfp;

import java.time.Instant;
import java.util.Optional;

/**
 * A pipeline as KFP holds it; {@code description} is the user's text without the owner mark and
 * {@code namespace} is empty for a shared pipeline.
 */
public record KfpPipeline(
    String id,
    String name,
    String displayName,
    String description,
    String namespace,
    Optional<OwnerMark> owner,
    Instant createdAt)
    implements KfpObject {}
