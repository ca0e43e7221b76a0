package com.jackhoman.kfp.releaser.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** The committed bundle files the rule tests read, by their place in the repository. */
final class BundleFiles {

  static final Path MANIFESTS = Path.of("bundle", "manifests");
  static final Path ANNOTATIONS = Path.of("bundle", "metadata", "annotations.yaml");
  static final Path DOCKERFILE = Path.of("bundle.Dockerfile");
  static final Path CSV = MANIFESTS.resolve("kfp-releaser.clusterserviceversion.yaml");

  private BundleFiles() {}

  /** The committed ClusterServiceVersion. */
  static JsonNode csv() throws IOException {
    return BundleYaml.read(CSV);
  }

  /** The project version and image of {@code pom.xml}. */
  static ProjectCoordinates project() throws IOException {
    return ProjectCoordinates.read(Path.of("pom.xml"));
  }
}
