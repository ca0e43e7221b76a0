package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.google.gson.annotations.JsonAdapter;
import com.jackhoman.kfp.releaser.kfp.http.Int64AsString;
import com.jackhoman.kfp.releaser.kfp.http.TriggerWire;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The v1beta1 JSON objects this adapter sends and reads; parents and scopes are references. */
final class V1Wire {

  private V1Wire() {}

  /** The {@code key} of a resource reference. */
  record ResourceKey(String type, String id) {}

  /** A {@code apiResourceReference}: how v1 names parents, namespaces and pinned versions. */
  record ResourceReference(ResourceKey key, String relationship) {

    static ResourceReference of(String type, String id, String relationship) {
      return new ResourceReference(new ResourceKey(type, id), relationship);
    }

    /**
     * The id of the first reference of this type, if any; a reference whose id KFP left out (KFP
     * 2.x names an experiment's namespace {@code ""} in single-user mode and omits the empty {@code
     * id}: server/api_converter.go {@code toApiExperimentV1}) counts as none.
     */
    static Optional<String> idOf(List<ResourceReference> references, String type) {
      return Optional.ofNullable(references).orElse(List.of()).stream()
          .filter(reference -> reference.key() != null && type.equals(reference.key().type()))
          .map(reference -> Optional.ofNullable(reference.key().id()).orElse(""))
          .filter(id -> !id.isEmpty())
          .findFirst();
    }
  }

  /** A string parameter of an Argo package. */
  record Parameter(String name, String value) {}

  /** A {@code apiPipeline}. */
  record Pipeline(
      String id,
      String name,
      String description,
      Instant createdAt,
      List<ResourceReference> resourceReferences) {}

  /** A page of pipelines. */
  record Pipelines(List<Pipeline> pipelines, String nextPageToken) {}

  /** A {@code apiPipelineVersion}; its parent is a PIPELINE reference. */
  record PipelineVersion(
      String id,
      String name,
      String description,
      Instant createdAt,
      List<ResourceReference> resourceReferences) {}

  /** A page of pipeline versions. */
  record PipelineVersions(List<PipelineVersion> versions, String nextPageToken) {}

  /** A {@code apiExperiment}; its namespace is a NAMESPACE reference. */
  record Experiment(
      String id,
      String name,
      String description,
      Instant createdAt,
      List<ResourceReference> resourceReferences) {}

  /** A page of experiments. */
  record Experiments(List<Experiment> experiments, String nextPageToken) {}

  /**
   * The {@code pipeline_spec} of a job: string parameters for Argo packages, typed runtime config
   * for KFP v2 ones.
   */
  record PipelineSpec(String pipelineId, List<Parameter> parameters, RuntimeConfig runtimeConfig) {}

  /** Typed runtime parameters of a KFP v2 package. */
  record RuntimeConfig(Map<String, Object> parameters) {}

  /** A {@code apiJob}: v1's recurring run. */
  record Job(
      String id,
      String name,
      String description,
      PipelineSpec pipelineSpec,
      List<ResourceReference> resourceReferences,
      String serviceAccount,
      @JsonAdapter(Int64AsString.class) Long maxConcurrency,
      TriggerWire trigger,
      Boolean enabled,
      Boolean noCatchup,
      Instant createdAt) {}

  /** A page of jobs. */
  record Jobs(List<Job> jobs, String nextPageToken) {}

  /** A {@code apiRun}, reduced to what the operator shows; {@code status} is the Argo phase. */
  record Run(
      String id,
      String name,
      String status,
      Instant createdAt,
      Instant finishedAt,
      List<ResourceReference> resourceReferences) {}

  /** A page of runs. */
  record Runs(List<Run> runs, String nextPageToken) {}
}
