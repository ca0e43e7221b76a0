package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Judges the documents of an IR (v2) package the way KFP's {@code NewV2SpecTemplate} does. */
final class PipelineSpecReader {

  /** The one schema version KFP 2.x accepts. */
  static final String SCHEMA_VERSION = "2.1.0";

  /** The top-level fields of KFP's {@code PipelineSpec} message, in the SDK's spelling. */
  static final List<String> PIPELINE_SPEC_FIELDS =
      List.of(
          "pipelineInfo",
          "deploymentSpec",
          "sdkVersion",
          "schemaVersion",
          "components",
          "root",
          "defaultPipelineRoot");

  /** The message for a package that is neither format. */
  static final String UNKNOWN_FORMAT =
      "unknown template format: neither an Argo Workflow (apiVersion argoproj.io/v1alpha1, kind"
          + " Workflow) nor a KFP pipeline spec (pipelineInfo, root)";

  private static final String PARAMETERS = "root.inputDefinitions.parameters";

  private PipelineSpecReader() {}

  /** Judges the object documents of a package that is not an Argo workflow. */
  static PipelinePackage read(List<JsonNode> documents) throws InvalidPackageException {
    List<JsonNode> specs = documents.stream().filter(PipelineSpecReader::isPipelineSpec).toList();
    List<JsonNode> platforms =
        documents.stream().filter(PipelineSpecReader::isPlatformSpec).toList();
    if (specs.isEmpty()) {
      throw new InvalidPackageException(List.of(UNKNOWN_FORMAT));
    }
    List<String> problems = new ArrayList<>();
    if (specs.size() > 1) {
      problems.add(
          "multiple pipeline specs: the package holds "
              + specs.size()
              + " pipeline-spec documents; KFP accepts at most one");
    }
    if (platforms.size() > 1) {
      problems.add(
          "multiple platform specs: the package holds "
              + platforms.size()
              + " documents with platforms.kubernetes; KFP accepts at most one");
    }
    JsonNode spec = specs.get(0);
    JsonNode platform = platforms.isEmpty() ? null : platforms.get(0);
    String name = name(spec, problems);
    checkRootAndSchemaVersion(spec, problems);
    checkFields(spec, problems);
    if (platform != null) {
      checkPlatformFields(platform, problems);
    }
    List<PipelineInput> inputs = inputs(spec.path("root"), problems);
    if (!problems.isEmpty()) {
      throw new InvalidPackageException(problems);
    }
    return new PipelinePackage(PackageFormat.PIPELINE_SPEC, name, inputs, spec, platform);
  }

  /** Returns whether {@code document} is meant as a pipeline spec (has pipelineInfo or root). */
  static boolean isPipelineSpec(JsonNode document) {
    return document.has("pipelineInfo") || document.has("root");
  }

  /** Returns whether {@code document} is a platform spec as KFP recognises one. */
  static boolean isPlatformSpec(JsonNode document) {
    return !isPipelineSpec(document) && document.path("platforms").has("kubernetes");
  }

  private static String name(JsonNode spec, List<String> problems) {
    String name = spec.path("pipelineInfo").path("name").asText();
    if (name.isEmpty()) {
      problems.add("pipelineInfo.name: missing or empty; KFP needs the pipeline's name");
    } else {
      PipelineNameRule.problem("pipelineInfo.name", name).ifPresent(problems::add);
    }
    return name;
  }

  private static void checkRootAndSchemaVersion(JsonNode spec, List<String> problems) {
    if (!spec.path("root").isObject()) {
      problems.add("root: missing or not an object; KFP needs the root component");
    }
    JsonNode version = spec.path("schemaVersion");
    if (!version.asText().equals(SCHEMA_VERSION)) {
      problems.add(
          "schemaVersion: "
              + (version.isMissingNode() ? "missing" : version + " is not supported")
              + "; KFP 2.x accepts only "
              + SCHEMA_VERSION
              + " (recompile with kfp>=2.0)");
    }
  }

  private static void checkFields(JsonNode spec, List<String> problems) {
    spec.propertyStream()
        .map(Map.Entry::getKey)
        .filter(field -> !PIPELINE_SPEC_FIELDS.contains(field))
        .forEach(
            field ->
                problems.add(
                    field
                        + ": not a field of a KFP pipeline spec (known: "
                        + String.join(", ", PIPELINE_SPEC_FIELDS)
                        + "); KFP parses the spec strictly and rejects unknown fields"));
  }

  private static void checkPlatformFields(JsonNode platform, List<String> problems) {
    String unknown =
        platform
            .propertyStream()
            .map(Map.Entry::getKey)
            .filter(field -> !field.equals("platforms"))
            .collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      problems.add(
          unknown
              + ": not a field of a KFP platform spec (only platforms); KFP would silently ignore"
              + " the whole platform spec");
    }
  }

  private static List<PipelineInput> inputs(JsonNode root, List<String> problems) {
    List<PipelineInput> inputs = new ArrayList<>();
    root.path("inputDefinitions")
        .path("parameters")
        .properties()
        .forEach(
            declared -> {
              String name = declared.getKey();
              JsonNode parameter = declared.getValue();
              String typeName = parameter.path("parameterType").asText();
              if (!isParameterType(typeName)) {
                problems.add(
                    PARAMETERS
                        + "."
                        + name
                        + ".parameterType: \""
                        + typeName
                        + "\" is not a KFP parameter type "
                        + Arrays.toString(ParameterType.values()));
                return;
              }
              JsonNode defaultValue = parameter.get("defaultValue");
              boolean optional = parameter.path("isOptional").asBoolean(false);
              inputs.add(
                  new PipelineInput(
                      name,
                      ParameterType.valueOf(typeName),
                      defaultValue,
                      defaultValue == null && !optional));
            });
    // By name: the IR declares them in a map, whose key order kube-apiserver does not keep (it
    // serves a custom resource's maps with their keys sorted), so an order of our own.
    inputs.sort(Comparator.comparing(PipelineInput::name));
    return inputs;
  }

  private static boolean isParameterType(String typeName) {
    return Arrays.stream(ParameterType.values()).anyMatch(type -> type.name().equals(typeName));
  }
}
