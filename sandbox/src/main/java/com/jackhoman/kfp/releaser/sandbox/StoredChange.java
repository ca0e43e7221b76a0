package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change of the store as a watch reports it.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param object the object after the change (for {@code DELETED}: its last state, with the
 *     resourceVersion of its deletion)
 * @param resourceVersion the resourceVersion of the change
 */
public record StoredChange(String type, JsonNode object, long resourceVersion) {}
