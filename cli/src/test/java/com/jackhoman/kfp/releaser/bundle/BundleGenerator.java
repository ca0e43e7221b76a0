package com.jackhoman.kfp.releaser.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generates the OLM bundle from {@code olm/}, {@code crds/}, {@code examples/} and the project
 * version; {@code mvn -B -Pbundle process-test-classes} runs {@link #main} to rewrite it, and a
 * test compares it with the committed one.
 */
public final class BundleGenerator {

  /** The CRD files of {@code crds/}, copied byte for byte, in the order the CSV owns them. */
  static final List<String> CRD_FILES =
      List.of(
          "pipelines.kfp.jackhoman.com.yaml",
          "pipelineversions.kfp.jackhoman.com.yaml",
          "recurringruns.kfp.jackhoman.com.yaml",
          "experiments.kfp.jackhoman.com.yaml");

  private static final String PACKAGE_KEY = "operators.operatorframework.io.bundle.package.v1";

  private BundleGenerator() {}

  /** Rewrites the bundle of the project whose root is the first argument (default: here). */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    generate(root).write(root);
  }

  /** The bundle the inputs under {@code root} make. */
  static Bundle generate(Path root) throws IOException {
    Path olm = root.resolve("olm");
    ProjectCoordinates project = ProjectCoordinates.read(root.resolve("pom.xml"));
    JsonNode annotations = BundleYaml.read(olm.resolve("annotations.yaml"));
    String packageName = annotations.path("annotations").path(PACKAGE_KEY).asText();

    SortedMap<String, String> files = new TreeMap<>();
    List<JsonNode> crds = new ArrayList<>();
    for (String crd : CRD_FILES) {
      Path source = root.resolve("crds").resolve(crd);
      files.put(manifest(crd), Files.readString(source));
      crds.add(BundleYaml.read(source));
    }
    List<String> kinds =
        crds.stream().map(crd -> crd.path("spec").path("names").path("kind").asText()).toList();

    ObjectNode csv =
        new ClusterServiceVersionBuilder(
                BundleYaml.read(olm.resolve("clusterserviceversion.yaml")),
                crds,
                BundleYaml.read(olm.resolve("operator/deployment.yaml")),
                BundleYaml.read(olm.resolve("operator/cluster-role.yaml")),
                BundleYaml.read(olm.resolve("operator/leader-election-role.yaml")))
            .build(
                project,
                packageName,
                Files.readAllBytes(olm.resolve("icon.svg")),
                AlmExamples.read(root, kinds));
    files.put(manifest(packageName + ".clusterserviceversion.yaml"), BundleYaml.write(csv));
    files.put(
        manifest("kfp-releaser-metrics_v1_service.yaml"),
        Files.readString(olm.resolve("operator/service.yaml")));
    files.put(Bundle.FOLDER + "/metadata/annotations.yaml", BundleYaml.write(annotations));
    files.put("bundle.Dockerfile", dockerfile(annotations.path("annotations")));
    return new Bundle(files);
  }

  private static String manifest(String file) {
    return Bundle.FOLDER + "/manifests/" + file;
  }

  /** The bundle image: the annotations again as LABELs, and the two folders. */
  private static String dockerfile(JsonNode annotations) {
    StringBuilder dockerfile = new StringBuilder("FROM scratch\n\n");
    annotations
        .properties()
        .forEach(
            label ->
                dockerfile
                    .append("LABEL ")
                    .append(label.getKey())
                    .append('=')
                    .append(label.getValue().asText())
                    .append('\n'));
    return dockerfile
        .append('\n')
        .append("COPY bundle/manifests /manifests/\n")
        .append("COPY bundle/metadata /metadata/\n")
        .toString();
  }
}
