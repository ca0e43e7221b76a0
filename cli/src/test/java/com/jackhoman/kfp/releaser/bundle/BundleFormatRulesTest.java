package com.jackhoman.kfp.releaser.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.validate.ManifestReader;
import com.jackhoman.kfp.releaser.validate.Problem;
import com.jackhoman.kfp.releaser.validate.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The bundle has the registry+v1 layout operator-registry reads: one allowed object per manifest
 * file, the CRDs of {@code crds/} unchanged, and annotations that the Dockerfile LABELs repeat.
 */
class BundleFormatRulesTest {

  private static final Set<String> REGISTRY_V1_KINDS =
      Set.of(
          "ClusterServiceVersion",
          "CustomResourceDefinition",
          "Secret",
          "ConfigMap",
          "ServiceAccount",
          "Service",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "PrometheusRule",
          "ServiceMonitor",
          "PodMonitor",
          "PodDisruptionBudget",
          "PriorityClass",
          "VerticalPodAutoscaler",
          "NetworkPolicy");
  private static final String PREFIX = "operators.operatorframework.io.bundle.";

  @Test
  void everyManifestIsOneObjectOfAKindRegistryV1Allows() throws IOException {
    for (Path file : manifestFiles()) {
      List<Problem> problems = new ArrayList<>();
      SourceFile parsed = ManifestReader.parse(file.toString(), Files.readString(file), problems);

      assertThat(problems).as(file.toString()).isEmpty();
      assertThat(parsed.documents()).as(file.toString()).hasSize(1);
      assertThat(REGISTRY_V1_KINDS)
          .as(file.toString())
          .contains(parsed.documents().get(0).content().path("kind").asText());
    }
  }

  @Test
  void bundleCrdsAreTheFilesOfCrdsUnchanged() throws IOException {
    for (String name : BundleGenerator.CRD_FILES) {
      assertThat(BundleFiles.MANIFESTS.resolve(name)).hasSameBinaryContentAs(Path.of("crds", name));
    }
  }

  @Test
  void bundleCrdsAreServableV1WithOneStorageVersionSchemaAndStatus() throws IOException {
    for (String name : BundleGenerator.CRD_FILES) {
      JsonNode crd = BundleYaml.read(BundleFiles.MANIFESTS.resolve(name));
      JsonNode spec = crd.path("spec");

      assertThat(crd.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
      assertThat(crd.path("metadata").path("name").asText())
          .isEqualTo(
              spec.path("names").path("plural").asText() + "." + spec.path("group").asText());
      assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
      assertThat(spec.path("versions")).filteredOn(v -> v.path("storage").asBoolean()).hasSize(1);
      assertThat(spec.path("versions"))
          .allSatisfy(
              v -> {
                assertThat(v.path("schema").path("openAPIV3Schema").isObject()).isTrue();
                assertThat(v.path("subresources").has("status")).isTrue();
              });
    }
  }

  @Test
  void noServiceAccountManifestCompetesWithTheOneOlmCreates() throws IOException {
    for (Path file : manifestFiles()) {
      assertThat(BundleYaml.read(file).path("kind").asText()).isNotEqualTo("ServiceAccount");
    }
  }

  @Test
  void annotationsNameTheRegistryV1LayoutPackageAndChannels() throws IOException {
    JsonNode annotations = BundleYaml.read(BundleFiles.ANNOTATIONS).path("annotations");
    List<String> channels = List.of(annotations.path(PREFIX + "channels.v1").asText().split(","));

    assertThat(annotations.path(PREFIX + "mediatype.v1").asText()).isEqualTo("registry+v1");
    assertThat(annotations.path(PREFIX + "manifests.v1").asText()).isEqualTo("manifests/");
    assertThat(annotations.path(PREFIX + "metadata.v1").asText()).isEqualTo("metadata/");
    assertThat(annotations.path(PREFIX + "package.v1").asText())
        .isEqualTo(BundleFiles.csv().path("metadata").path("name").asText().split("\\.v")[0]);
    assertThat(channels).allMatch(c -> c.matches("(stable|fast|candidate).*"));
    assertThat(channels).contains(annotations.path(PREFIX + "channel.default.v1").asText());
  }

  @Test
  void dockerfileLabelsAreTheAnnotationsAndCopyBothFolders() throws IOException {
    JsonNode annotations = BundleYaml.read(BundleFiles.ANNOTATIONS).path("annotations");
    Map<String, String> expected = new LinkedHashMap<>();
    annotations.properties().forEach(a -> expected.put(a.getKey(), a.getValue().asText()));
    List<String> lines = Files.readAllLines(BundleFiles.DOCKERFILE);
    Map<String, String> labels = new LinkedHashMap<>();
    lines.stream()
        .filter(line -> line.startsWith("LABEL "))
        .map(line -> line.substring("LABEL ".length()).split("=", 2))
        .forEach(label -> labels.put(label[0], label[1]));

    assertThat(labels).isEqualTo(expected);
    assertThat(lines)
        .contains(
            "FROM scratch", "COPY bundle/manifests /manifests/", "COPY bundle/metadata /metadata/");
  }

  @Test
  void compressedBundleStaysBelowTheWarningLevelOfOlmsSizeLimit() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed);
        Stream<Path> files = Files.walk(Path.of("bundle"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        gzip.write(Files.readAllBytes(file));
      }
    }
    assertThat(compressed.size()).isLessThan((int) (0.85 * 1024 * 1024));
  }

  private static List<Path> manifestFiles() throws IOException {
    try (Stream<Path> files = Files.list(BundleFiles.MANIFESTS)) {
      return files.sorted().toList();
    }
  }
}
