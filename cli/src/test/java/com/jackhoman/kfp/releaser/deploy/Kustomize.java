package com.jackhoman.kfp.releaser.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl kustomize} run on a folder, as a user installs it; tests that need it are skipped
 * (not failed) on a machine without kubectl.
 */
final class Kustomize {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Kustomize() {}

  /** The objects {@code kubectl kustomize folder} renders; fails on any kustomize error. */
  static List<JsonNode> render(Path folder) throws IOException, InterruptedException {
    assumeTrue(kubectlOnPath(), "kubectl is not on PATH, so `kubectl kustomize` cannot be tested");
    Process process =
        new ProcessBuilder("kubectl", "kustomize", folder.toString())
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("kubectl kustomize " + folder + " failed: " + err);
    }
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(out)) {
      documents.forEachRemaining(objects::add);
    }
    return objects;
  }

  /** The one rendered object of this kind and name. */
  static JsonNode find(List<JsonNode> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .filter(o -> o.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("rendered no " + kind + " " + name));
  }

  private static boolean kubectlOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "kubectl"))) {
        return true;
      }
    }
    return false;
  }
}
