package com.jackhoman.kfp.releaser.emulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pipelines and their versions with KFP's integrity rules: names unique per namespace and per
 * pipeline, and no pipeline deleted while it has versions unless asked to cascade.
 */
final class PipelineStore {

  private final Map<String, StoredPipeline> pipelines = new LinkedHashMap<>();
  private final Map<String, StoredVersion> versions = new LinkedHashMap<>();
  private final boolean caseInsensitiveNames;

  /**
   * @param caseInsensitiveNames whether names compare as MySQL's default collation
   *     (utf8mb4_general_ci / latin1_swedish_ci) compares them: the database store's unique index
   *     on (Namespace, Name) ({@code model/pipeline.go}) then treats "P" and "p" as one name
   */
  PipelineStore(boolean caseInsensitiveNames) {
    this.caseInsensitiveNames = caseInsensitiveNames;
  }

  private boolean sameName(String a, String b) {
    return caseInsensitiveNames ? a.equalsIgnoreCase(b) : a.equals(b);
  }

  synchronized StoredPipeline addPipeline(StoredPipeline pipeline) {
    requireFreeName(pipeline);
    pipelines.put(pipeline.id(), pipeline);
    return pipeline;
  }

  /** Adds a pipeline and its first version in one step, as upload does. */
  synchronized StoredPipeline addPipelineWithVersion(StoredPipeline pipeline, StoredVersion first) {
    requireFreeName(pipeline);
    pipelines.put(pipeline.id(), pipeline);
    versions.put(first.id(), first);
    return pipeline;
  }

  synchronized StoredVersion addVersion(StoredVersion version) {
    pipeline(version.pipelineId());
    boolean taken =
        versions.values().stream()
            .anyMatch(
                v ->
                    v.pipelineId().equals(version.pipelineId())
                        && sameName(v.name(), version.name()));
    if (taken) {
      throw KfpError.alreadyExists(
          "Failed to create a pipeline version: Already exist error: The name "
              + version.name()
              + " already exist. Please specify a new name");
    }
    versions.put(version.id(), version);
    return version;
  }

  synchronized StoredPipeline pipeline(String id) {
    return findPipeline(id)
        .orElseThrow(
            () -> KfpError.notFound("ResourceNotFoundError: Pipeline " + id + " not found"));
  }

  synchronized Optional<StoredPipeline> findPipeline(String id) {
    return Optional.ofNullable(pipelines.get(id));
  }

  /** The most recently created pipeline of that name, in {@code namespace} unless it is null. */
  synchronized StoredPipeline pipelineByName(String namespace, String name) {
    return pipelines.values().stream()
        .filter(p -> sameName(p.name(), name))
        .filter(p -> namespace == null || p.namespace().equals(namespace))
        .max(Comparator.comparing(StoredPipeline::createdAt))
        .orElseThrow(
            () -> KfpError.notFound("ResourceNotFoundError: Pipeline " + name + " not found"));
  }

  synchronized StoredVersion version(String id) {
    return findVersion(id)
        .orElseThrow(
            () -> KfpError.notFound("ResourceNotFoundError: PipelineVersion " + id + " not found"));
  }

  synchronized Optional<StoredVersion> findVersion(String id) {
    return Optional.ofNullable(versions.get(id));
  }

  /** The latest version: greatest creation time, ties broken by the larger id. */
  synchronized Optional<StoredVersion> latestVersion(String pipelineId) {
    return versions.values().stream()
        .filter(v -> v.pipelineId().equals(pipelineId))
        .max(Comparator.comparing(StoredVersion::createdAt).thenComparing(StoredVersion::id));
  }

  synchronized List<StoredPipeline> pipelines() {
    return List.copyOf(pipelines.values());
  }

  synchronized List<StoredVersion> versionsOf(String pipelineId) {
    pipeline(pipelineId);
    return versions.values().stream().filter(v -> v.pipelineId().equals(pipelineId)).toList();
  }

  /** Deletes a pipeline; one with versions only when {@code cascade}, else {@code refusal}. */
  synchronized void deletePipeline(
      String id, boolean cascade, Function<StoredVersion, KfpError> refusal) {
    pipeline(id);
    Optional<StoredVersion> latest = latestVersion(id);
    if (latest.isPresent() && !cascade) {
      throw refusal.apply(latest.get());
    }
    versions.values().removeIf(v -> v.pipelineId().equals(id));
    pipelines.remove(id);
  }

  synchronized void deleteVersion(String id) {
    version(id);
    versions.remove(id);
  }

  private void requireFreeName(StoredPipeline pipeline) {
    boolean taken =
        pipelines.values().stream()
            .anyMatch(
                p ->
                    sameName(p.name(), pipeline.name())
                        && p.namespace().equals(pipeline.namespace()));
    if (taken) {
      throw KfpError.alreadyExists(
          "Failed to create a pipeline: Already exist error: The name "
              + pipeline.name()
              + " already exist. Please specify a new name");
    }
  }
}
