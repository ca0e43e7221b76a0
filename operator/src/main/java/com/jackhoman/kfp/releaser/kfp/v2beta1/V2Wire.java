package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import com.jackhoman.kfp.releaser.kfp.http.Int64AsString;
import com.jackhoman.kfp.releaser.kfp.http.TriggerWire;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The v2beta1 JSON objects this adapter sends and reads (only fields KFP 2.17 knows). */
final class V2Wire {

  private V2Wire() {}

  /**
   * The unique name of a pipeline or version: its {@code name}, or on KFP 2.0 to 2.5, whose v2
   * messages have no {@code name}, its {@code display_name} (backend/api/v2beta1/pipeline.proto and
   * model/pipeline.go at 2.5.0, where both API keys map to the one {@code Name} column).
   */
  static String nameOf(String name, String displayName) {
    return name == null || name.isEmpty() ? displayName : name;
  }

  /** A {@code v2beta1Pipeline}. */
  record Pipeline(
      String pipelineId,
      String name,
      String displayName,
      String description,
      String namespace,
      Instant createdAt,
      Map<String, String> tags) {}

  /** A page of pipelines. */
  record Pipelines(List<Pipeline> pipelines, String nextPageToken) {}

  /** A {@code v2beta1PipelineVersion} without its (large) {@code pipeline_spec}. */
  record PipelineVersion(
      String pipelineId,
      String pipelineVersionId,
      String name,
      String displayName,
      String description,
      Instant createdAt,
      Map<String, String> tags) {}

  /** A page of pipeline versions. */
  record PipelineVersions(List<PipelineVersion> pipelineVersions, String nextPageToken) {}

  /** A {@code v2beta1Experiment}. */
  record Experiment(
      String experimentId,
      String displayName,
      String description,
      String namespace,
      Instant createdAt) {}

  /** A page of experiments. */
  record Experiments(List<Experiment> experiments, String nextPageToken) {}

  /** The version a recurring run is pinned to. */
  record VersionReference(String pipelineId, String pipelineVersionId) {}

  /** Typed runtime parameters. */
  record RuntimeConfig(Map<String, Object> parameters) {}

  /** A {@code v2beta1RecurringRun}; {@code mode} is input, {@code status} output. */
  record RecurringRun(
      String recurringRunId,
      String displayName,
      String description,
      String experimentId,
      VersionReference pipelineVersionReference,
      RuntimeConfig runtimeConfig,
      String serviceAccount,
      @JsonAdapter(Int64AsString.class) Long maxConcurrency,
      TriggerWire trigger,
      String mode,
      String status,
      Boolean noCatchup,
      Instant createdAt) {}

  /** A page of recurring runs; KFP spells this one list key in camelCase. */
  record RecurringRuns(
      @SerializedName("recurringRuns") List<RecurringRun> recurringRuns, String nextPageToken) {}

  /** A {@code v2beta1Run}, reduced to what the operator shows. */
  record Run(
      String runId,
      String displayName,
      String recurringRunId,
      String state,
      Instant createdAt,
      Instant finishedAt) {}

  /** A page of runs. */
  record Runs(List<Run> runs, String nextPageToken) {}
}
