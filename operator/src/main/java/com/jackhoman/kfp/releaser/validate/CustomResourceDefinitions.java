package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The four CRDs of {@code crds/}, read from the jar: the API that everything is checked against.
 */
public final class CustomResourceDefinitions {

  /** The group every kind of ours belongs to. */
  public static final String GROUP = "kfp.jackhoman.com";

  private static final List<String> PLURALS =
      List.of("pipelines", "pipelineversions", "recurringruns", "experiments");

  private final List<KindSchema> kinds;

  private CustomResourceDefinitions(List<KindSchema> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** Loads the CRDs packaged under {@code crds/} on the class path. */
  public static CustomResourceDefinitions load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    return new CustomResourceDefinitions(
        PLURALS.stream()
            .map(plural -> read(yaml, "crds/" + plural + "." + GROUP + ".yaml"))
            .toList());
  }

  private static KindSchema read(ObjectMapper yaml, String resource) {
    try (InputStream in =
        CustomResourceDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      JsonNode crd = yaml.readTree(in);
      JsonNode spec = crd.path("spec");
      JsonNode version = spec.path("versions").path(0);
      return new KindSchema(
          spec.path("names").path("kind").asText(),
          spec.path("group").asText() + "/" + version.path("name").asText(),
          spec.path("names").path("plural").asText(),
          version.path("schema").path("openAPIV3Schema"),
          crd);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + resource, e);
    }
  }

  /** Every kind, in a fixed order: Pipeline, PipelineVersion, RecurringRun, Experiment. */
  public List<KindSchema> kinds() {
    return kinds;
  }

  /** The kind with this apiVersion and kind, if it is one of ours. */
  public Optional<KindSchema> find(String apiVersion, String kind) {
    return kinds.stream()
        .filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))
        .findFirst();
  }
}
