package com.jackhoman.kfp.releaser.kfp;

import java.util.Map;

/**
 * What to create a recurring run with, pinned to one pipeline version; v1beta1 sends parameter
 * values as strings, v2beta1 sends them typed.
 */
public record NewRecurringRun(
    String name,
    String description,
    OwnerMark owner,
    String experimentId,
    String pipelineId,
    String pipelineVersionId,
    KfpTrigger trigger,
    Map<String, Object> parameters,
    int maxConcurrency,
    boolean noCatchup,
    boolean enabled,
    String serviceAccount) {

  public NewRecurringRun {
    parameters = Map.copyOf(parameters);
  }
}
