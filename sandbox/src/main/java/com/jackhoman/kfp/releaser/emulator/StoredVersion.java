package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;
import java.util.Map;

/** A pipeline version with the package it was uploaded with. */
record StoredVersion(
    String id,
    String pipelineId,
    String name,
    String displayName,
    String description,
    Instant createdAt,
    String codeSourceUrl,
    Map<String, String> tags,
    StoredPackage pipelinePackage) {}
