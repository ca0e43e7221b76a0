package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Judges an Argo (v1) workflow the way KFP's {@code ValidateWorkflow} and Argo's lint do. */
final class ArgoWorkflowReader {

  /** KFP's default {@code MAX_PARAMETER_BYTES}: the largest parameters JSON it stores. */
  static final int MAX_PARAMETER_BYTES = 10_000;

  private static final String API_VERSION = "argoproj.io/v1alpha1";
  private static final String V2_COMPATIBLE_ANNOTATION = "pipelines.kubeflow.org/v2_pipeline";
  private static final String V2_PIPELINE_NAME_PARAMETER = "pipeline-name";
  private static final ObjectMapper JSON = new JsonMapper();

  private ArgoWorkflowReader() {}

  /** Returns whether KFP takes {@code document} for an Argo workflow (any argoproj.io version). */
  static boolean isArgoWorkflow(JsonNode document) {
    return document.path("apiVersion").asText().startsWith("argoproj.io/")
        && document.path("kind").asText().equals("Workflow");
  }

  /** Judges an Argo workflow document. */
  static PipelinePackage read(JsonNode workflow) throws InvalidPackageException {
    List<String> problems = new ArrayList<>();
    String apiVersion = workflow.path("apiVersion").asText();
    if (!apiVersion.equals(API_VERSION)) {
      problems.add(
          "apiVersion: \""
              + apiVersion
              + "\" is not supported; KFP accepts only "
              + API_VERSION
              + " Argo Workflows");
    }
    String name = workflow.path("metadata").path("name").asText();
    if (name.isEmpty()) {
      name = workflow.path("metadata").path("generateName").asText();
    }
    if (name.isEmpty()) {
      problems.add("metadata: neither name nor generateName is set; Argo requires one of them");
    }
    JsonNode spec = workflow.path("spec");
    checkTemplates(spec, problems);
    List<PipelineInput> inputs = inputs(listAt(spec.path("arguments"), "parameters"), problems);
    checkV2CompatibleName(workflow, problems);
    if (!problems.isEmpty()) {
      throw new InvalidPackageException(problems);
    }
    return new PipelinePackage(PackageFormat.ARGO_WORKFLOW, name, inputs, workflow, null);
  }

  private static void checkTemplates(JsonNode spec, List<String> problems) {
    JsonNode templates = listAt(spec, "templates");
    if (templates.isEmpty()) {
      problems.add("spec.templates: empty; an Argo Workflow needs at least one template");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < templates.size(); i++) {
      String name = templates.get(i).path("name").asText();
      if (name.isEmpty()) {
        problems.add("spec.templates[" + i + "].name: missing; every Argo template needs a name");
      } else if (!names.add(name)) {
        problems.add(
            "spec.templates["
                + i
                + "].name: \""
                + name
                + "\" is used by an earlier template; Argo template names must be unique");
      }
    }
    String entrypoint = spec.path("entrypoint").asText();
    if (entrypoint.isEmpty()) {
      problems.add("spec.entrypoint: missing; Argo needs the template to start with");
    } else if (!names.isEmpty() && !names.contains(entrypoint)) {
      problems.add("spec.entrypoint: \"" + entrypoint + "\" names no template in spec.templates");
    }
  }

  private static List<PipelineInput> inputs(JsonNode parameters, List<String> problems) {
    List<PipelineInput> inputs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    ArrayNode stored = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode parameter = parameters.get(i);
      String name = parameter.path("name").asText();
      if (name.isEmpty()) {
        problems.add("spec.arguments.parameters[" + i + "].name: missing");
      } else if (!names.add(name)) {
        problems.add(
            "spec.arguments.parameters["
                + i
                + "].name: \""
                + name
                + "\" is declared more than once; Argo parameter names must be unique");
      }
      JsonNode value = stringOrNull(parameter.get("value"));
      inputs.add(new PipelineInput(name, ParameterType.STRING, value, value == null));
      stored.add(storedForm(name, parameter, value));
    }
    int bytes = storedBytes(stored);
    if (bytes > MAX_PARAMETER_BYTES) {
      problems.add(
          "spec.arguments.parameters: "
              + bytes
              + " bytes as KFP stores them, more than MAX_PARAMETER_BYTES ("
              + MAX_PARAMETER_BYTES
              + ")");
    }
    return inputs;
  }

  private static void checkV2CompatibleName(JsonNode workflow, List<String> problems) {
    JsonNode annotation =
        workflow.path("metadata").path("annotations").path(V2_COMPATIBLE_ANNOTATION);
    if (!annotation.asText().equals("true")) {
      return;
    }
    String pipelineName = "";
    for (JsonNode parameter : listAt(workflow.path("spec").path("arguments"), "parameters")) {
      if (parameter.path("name").asText().equals(V2_PIPELINE_NAME_PARAMETER)) {
        pipelineName = parameter.path("value").asText();
      }
    }
    PipelineNameRule.problem(
            "spec.arguments.parameters["
                + V2_PIPELINE_NAME_PARAMETER
                + "] (checked because of annotation "
                + V2_COMPATIBLE_ANNOTATION
                + ": \"true\")",
            pipelineName)
        .ifPresent(problems::add);
  }

  /** Returns the list at {@code field}, or an empty list when it is absent or not a list. */
  private static JsonNode listAt(JsonNode parent, String field) {
    JsonNode list = parent.path(field);
    return list.isArray() ? list : JsonNodeFactory.instance.arrayNode();
  }

  private static JsonNode stringOrNull(JsonNode value) {
    return value == null || value.isNull() ? null : TextNode.valueOf(value.asText());
  }

  /** The parameter as KFP stores it ({@code MarshalParametersWorkflow}): name, default, value. */
  private static ObjectNode storedForm(String name, JsonNode parameter, JsonNode value) {
    ObjectNode stored = JsonNodeFactory.instance.objectNode();
    stored.put("name", name);
    JsonNode defaultValue = stringOrNull(parameter.get("default"));
    if (defaultValue != null) {
      stored.set("default", defaultValue);
    }
    if (value != null) {
      stored.set("value", value);
    }
    return stored;
  }

  /** Counts bytes as Go's encoding/json writes them, which escapes {@code <>&} as six bytes. */
  private static int storedBytes(ArrayNode stored) {
    try {
      String json = JSON.writeValueAsString(stored);
      long htmlCharacters = json.chars().filter(c -> c == '<' || c == '>' || c == '&').count();
      return json.getBytes(StandardCharsets.UTF_8).length + (int) htmlCharacters * 5;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
