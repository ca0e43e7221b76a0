package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Objects;

/**
 * A compiled KFP package that KFP 2.x accepts, with the forms the operator stores and uploads.
 *
 * @param format Argo workflow or IR pipeline spec
 * @param name the name inside the package: IR {@code pipelineInfo.name}, Argo {@code metadata.name}
 *     or else {@code metadata.generateName}
 * @param inputs the declared inputs in declaration order
 * @param pipelineSpec the Argo workflow or the IR pipeline spec document
 * @param platformSpec the IR platform spec document, or null when there is none
 */
public record PipelinePackage(
    PackageFormat format,
    String name,
    List<PipelineInput> inputs,
    JsonNode pipelineSpec,
    JsonNode platformSpec) {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  /** Checks the parts and keeps private copies of the documents. */
  public PipelinePackage {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    pipelineSpec = pipelineSpec.deepCopy();
    platformSpec = platformSpec == null ? null : platformSpec.deepCopy();
  }

  /** Returns a copy of the Argo workflow or IR pipeline spec document. */
  @Override
  public JsonNode pipelineSpec() {
    return pipelineSpec.deepCopy();
  }

  /** Returns a copy of the platform spec document, or null when there is none. */
  @Override
  public JsonNode platformSpec() {
    return platformSpec == null ? null : platformSpec.deepCopy();
  }

  /**
   * Returns the single-object form kept in a manifest's {@code spec.workflow}: the document itself,
   * or KFP's wrapper {@code {"pipeline_spec": ..., "platform_spec": ...}} when there is a platform
   * spec.
   */
  public JsonNode inline() {
    if (platformSpec == null) {
      return pipelineSpec();
    }
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    wrapper.set("pipeline_spec", pipelineSpec());
    wrapper.set("platform_spec", platformSpec());
    return wrapper;
  }

  /** Returns the YAML to upload to KFP; a platform spec follows as a second document. */
  public String uploadYaml() {
    String spec = yaml(pipelineSpec);
    return platformSpec == null ? spec : spec + "---\n" + yaml(platformSpec);
  }

  /**
   * Returns {@link #inline()} as canonical JSON: keys sorted, no whitespace, integral numbers
   * written as integers.
   */
  public String canonicalJson() {
    return CanonicalJson.write(inline());
  }

  /** Returns the lowercase hex SHA-256 of {@link #canonicalJson()}. */
  public String specHash() {
    return CanonicalJson.sha256Hex(canonicalJson());
  }

  private static String yaml(JsonNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written as YAML", e);
    }
  }
}
