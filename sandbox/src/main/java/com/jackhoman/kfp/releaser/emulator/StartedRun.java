package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import java.util.Map;

/**
 * A run the scheduler started, with the parameters it really got under the release's rules: package
 * defaults filled in for inputs not given (JSON strings for an Argo package).
 */
public record StartedRun(
    String runId,
    String recurringRunId,
    String pipelineVersionId,
    Map<String, JsonElement> parameters) {

  /** Keeps a private copy of the parameters. */
  public StartedRun {
    parameters = Map.copyOf(parameters);
  }
}
