package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML or JSON document read from a file, with where it came from.
 *
 * @param source the file name as the user gave it, or {@code <stdin>}
 * @param line the 1-based line where the document starts
 * @param content the parsed document
 */
public record SourceDocument(String source, int line, JsonNode content) {}
