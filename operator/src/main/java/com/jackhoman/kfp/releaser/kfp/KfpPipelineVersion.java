package com.jackhoman.kfp.releaser.kfp;

import java.time.Instant;
import java.util.Optional;

/** A pipeline version as KFP holds it; {@code description} is without the owner mark. */
public record KfpPipelineVersion(
    String id,
    String pipelineId,
    String name,
    String displayName,
    String description,
    Optional<OwnerMark> owner,
    Instant createdAt)
    implements KfpObject {}
