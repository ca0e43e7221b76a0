package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind as its CRD in {@code crds/} declares it.
 *
 * @param kind e.g. {@code RecurringRun}
 * @param apiVersion e.g. {@code kfp.jackhoman.com/v1alpha1}
 * @param plural e.g. {@code recurringruns}
 * @param openApiSchema the version's {@code openAPIV3Schema}
 * @param crd the whole CustomResourceDefinition document
 */
public record KindSchema(
    String kind, String apiVersion, String plural, JsonNode openApiSchema, JsonNode crd) {}
