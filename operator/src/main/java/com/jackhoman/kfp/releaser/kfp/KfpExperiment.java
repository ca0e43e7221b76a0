package com.jackhoman.kfp.releaser.kfp;

import java.time.Instant;
import java.util.Optional;

/** An experiment as KFP holds it; {@code description} is without the owner mark. */
public record KfpExperiment(
    String id,
    String name,
    String description,
    String namespace,
    Optional<OwnerMark> owner,
    Instant createdAt)
    implements KfpObject {}
