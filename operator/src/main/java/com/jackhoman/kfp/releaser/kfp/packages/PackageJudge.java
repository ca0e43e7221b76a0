package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a compiled KFP package and judges it as KFP 2.x's upload does; stateless.
 *
 * <p>Both methods throw the checked {@link InvalidPackageException} listing every problem found.
 */
public final class PackageJudge {

  private static final ObjectMapper JSON = new JsonMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> WRAPPER_KEYS = Set.of("pipeline_spec", "platform_spec");

  /**
   * Judges a compiled file as uploaded: a {@code .json} name is read as JSON, anything else as a
   * (possibly multi-document) YAML stream.
   */
  public PipelinePackage judgeFile(String fileName, String text) throws InvalidPackageException {
    boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
    return judgeDocuments(json ? List.of(readJson(text)) : readYaml(text));
  }

  /**
   * Judges a manifest's {@code spec.workflow}: an Argo workflow, an IR pipeline spec, or KFP's
   * wrapper {@code {"pipeline_spec": ..., "platform_spec": ...}}.
   */
  public PipelinePackage judgeInline(JsonNode workflow) throws InvalidPackageException {
    if (workflow.has("pipeline_spec") || workflow.has("platform_spec")) {
      return judgeWrapper(workflow);
    }
    return judgeDocuments(List.of(workflow));
  }

  private static PipelinePackage judgeDocuments(List<JsonNode> documents)
      throws InvalidPackageException {
    List<JsonNode> objects = documents.stream().filter(JsonNode::isObject).toList();
    if (!objects.isEmpty() && ArgoWorkflowReader.isArgoWorkflow(objects.get(0))) {
      return ArgoWorkflowReader.read(objects.get(0));
    }
    return PipelineSpecReader.read(objects);
  }

  private static PipelinePackage judgeWrapper(JsonNode wrapper) throws InvalidPackageException {
    List<String> problems = new ArrayList<>();
    wrapper
        .propertyStream()
        .map(Map.Entry::getKey)
        .filter(key -> !WRAPPER_KEYS.contains(key))
        .forEach(
            key ->
                problems.add(
                    key
                        + ": not allowed in the wrapper; KFP's wrapper holds only pipeline_spec"
                        + " and platform_spec"));
    JsonNode spec = wrapper.path("pipeline_spec");
    if (!spec.isObject() || !PipelineSpecReader.isPipelineSpec(spec)) {
      problems.add("pipeline_spec: missing or not a KFP pipeline spec (pipelineInfo, root)");
      throw new InvalidPackageException(problems);
    }
    JsonNode platform = wrapper.path("platform_spec");
    if (!platform.isMissingNode() && !PipelineSpecReader.isPlatformSpec(platform)) {
      problems.add("platform_spec: not a KFP platform spec (platforms.kubernetes)");
    }
    try {
      PipelinePackage judged = PipelineSpecReader.read(List.of(spec, platform));
      if (problems.isEmpty()) {
        return judged;
      }
    } catch (InvalidPackageException e) {
      problems.addAll(e.problems());
    }
    throw new InvalidPackageException(problems);
  }

  private static JsonNode readJson(String text) throws InvalidPackageException {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidPackageException(List.of("not valid JSON: " + e.getOriginalMessage()));
    }
  }

  private static List<JsonNode> readYaml(String text) throws InvalidPackageException {
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
      List<JsonNode> result = new ArrayList<>();
      while (documents.hasNextValue()) {
        result.add(documents.nextValue());
      }
      return result;
    } catch (IOException e) {
      throw new InvalidPackageException(List.of("not valid YAML: " + e.getMessage()));
    }
  }
}
