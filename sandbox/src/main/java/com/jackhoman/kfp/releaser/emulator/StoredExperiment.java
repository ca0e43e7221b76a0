package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;

/** An experiment; {@code name} is what v2 calls {@code display_name}. */
record StoredExperiment(
    String id, String name, String description, String namespace, Instant createdAt) {}
