package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.jackhoman.kfp.releaser.kfp.packages.PipelineInput;
import java.util.Map;

/** The v1beta1 response objects, built from stored objects. */
final class V1Shapes {

  private V1Shapes() {}

  static JsonObject pipeline(StoredPipeline pipeline, StoredVersion latest) {
    JsonArray references = new JsonArray();
    if (!pipeline.namespace().isEmpty()) {
      references.add(reference("NAMESPACE", pipeline.namespace(), "OWNER"));
    }
    return new ProtoJson()
        .string("id", pipeline.id())
        .time("created_at", pipeline.createdAt())
        .string("name", pipeline.name())
        .string("description", pipeline.description())
        .element("parameters", declaredParameters(latest))
        .element("default_version", version(latest))
        .element("resource_references", references)
        .build();
  }

  /** A version; null (a pipeline with none) gives an empty object, which is left out. */
  static JsonObject version(StoredVersion version) {
    if (version == null) {
      return new JsonObject();
    }
    JsonArray references = new JsonArray();
    references.add(reference("PIPELINE", version.pipelineId(), "OWNER"));
    return new ProtoJson()
        .string("id", version.id())
        .string("name", version.name())
        .time("created_at", version.createdAt())
        .element("parameters", declaredParameters(version))
        .string("code_source_url", version.codeSourceUrl())
        .element("resource_references", references)
        .string("description", version.description())
        .build();
  }

  /**
   * An experiment; {@code ownedByNamespace} adds the NAMESPACE/OWNER reference, which 2.x's {@code
   * server/api_converter.go} {@code toApiExperimentV1} always adds (its key has no {@code id} in
   * single-user mode, the empty namespace being left out) and 1.8.5's {@code ToApiExperiment} adds
   * in multi-user mode only.
   */
  static JsonObject experiment(StoredExperiment experiment, boolean ownedByNamespace) {
    JsonArray references = new JsonArray();
    if (ownedByNamespace) {
      references.add(reference("NAMESPACE", experiment.namespace(), "OWNER"));
    }
    return new ProtoJson()
        .string("id", experiment.id())
        .string("name", experiment.name())
        .string("description", experiment.description())
        .time("created_at", experiment.createdAt())
        .element("resource_references", references)
        .string("storage_state", "STORAGESTATE_AVAILABLE")
        .build();
  }

  /**
   * A job; an unconvertible one is only its id and the error string ({@code
   * server/api_converter.go} {@code toApiJobV1}); a missing trigger is left out there ({@code
   * trigger = nil} when it has no schedule).
   */
  static JsonObject job(StoredRecurringRun job, boolean argo) {
    if (job.unconvertible()) {
      return new ProtoJson()
          .string("id", job.id())
          .string(
              "error",
              "InternalServerError: "
                  + V2Shapes.UNCONVERTIBLE
                  + " v1beta1 API counterpart: "
                  + V2Shapes.UNPARSED)
          .build();
    }
    return new ProtoJson()
        .string("id", job.id())
        .string("name", job.displayName())
        .string("description", job.description())
        .message("pipeline_spec", pipelineSpec(job.pipelineId(), job.parameters(), argo))
        .element(
            "resource_references",
            references(
                job.namespace(), job.experimentId(), job.pipelineId(), job.pipelineVersionId()))
        .string("service_account", job.serviceAccount())
        .int64("max_concurrency", job.maxConcurrency())
        .element("trigger", V2Shapes.trigger(job.trigger()))
        .time("created_at", job.createdAt())
        .time("updated_at", job.updatedAt())
        .string("status", job.enabled() ? "ENABLED" : "DISABLED")
        .bool("enabled", job.enabled())
        .bool("no_catchup", job.noCatchup())
        .build();
  }

  /**
   * A {@code RunDetail} wrapping the run, with its workflow as KFP's persistence agent last
   * reported it in {@code pipeline_runtime.workflow_manifest} ({@code toApiRunDetailV1}): the
   * emulator's workflow holds only the Argo phase and, for a failed run, its message.
   */
  static JsonObject runDetail(StoredRun run, boolean argo) {
    JsonObject detail = new JsonObject();
    detail.add("run", run(run, argo));
    JsonObject status = new ProtoJson().string("phase", run.state().v1Status()).build();
    if (run.failure() != null) {
      status.addProperty("message", run.failure());
    }
    JsonObject workflow = new JsonObject();
    workflow.add("status", status);
    detail.add(
        "pipeline_runtime",
        new ProtoJson().string("workflow_manifest", workflow.toString()).build());
    return detail;
  }

  static JsonObject run(StoredRun run, boolean argo) {
    JsonArray references =
        references(run.namespace(), run.experimentId(), run.pipelineId(), run.pipelineVersionId());
    references.add(reference("JOB", run.recurringRunId(), "CREATOR"));
    return new ProtoJson()
        .string("id", run.id())
        .string("name", run.displayName())
        .message("pipeline_spec", pipelineSpec(run.pipelineId(), run.parameters(), argo))
        .element("resource_references", references)
        .time("created_at", run.createdAt())
        .time("scheduled_at", run.scheduledAt())
        .time("finished_at", run.finishedAt())
        .string("status", run.state().v1Status())
        .build();
  }

  private static ProtoJson pipelineSpec(
      String pipelineId, Map<String, JsonElement> parameters, boolean argo) {
    ProtoJson spec = new ProtoJson().string("pipeline_id", pipelineId);
    if (!argo) {
      return spec.message("runtime_config", V2Shapes.runtimeConfig(parameters));
    }
    JsonArray list = new JsonArray();
    parameters.forEach(
        (name, value) ->
            list.add(
                new ProtoJson().string("name", name).string("value", value.getAsString()).build()));
    return spec.element("parameters", list);
  }

  private static JsonArray references(
      String namespace, String experimentId, String pipelineId, String versionId) {
    JsonArray references = new JsonArray();
    references.add(reference("NAMESPACE", namespace, "OWNER"));
    references.add(reference("EXPERIMENT", experimentId, "OWNER"));
    references.add(reference("PIPELINE", pipelineId, "CREATOR"));
    if (versionId != null) {
      references.add(reference("PIPELINE_VERSION", versionId, "CREATOR"));
    }
    return references;
  }

  private static JsonArray declaredParameters(StoredVersion version) {
    JsonArray parameters = new JsonArray();
    if (version != null && version.pipelinePackage().argo()) {
      for (PipelineInput input : version.pipelinePackage().inputs()) {
        String value = input.defaultValue() == null ? null : input.defaultValue().asText();
        parameters.add(new ProtoJson().string("name", input.name()).string("value", value).build());
      }
    }
    return parameters;
  }

  private static JsonObject reference(String type, String id, String relationship) {
    JsonObject key = new JsonObject();
    key.addProperty("type", type);
    if (id != null && !id.isEmpty()) {
      key.addProperty("id", id);
    }
    JsonObject reference = new JsonObject();
    reference.add("key", key);
    reference.addProperty("relationship", relationship);
    return reference;
  }
}
