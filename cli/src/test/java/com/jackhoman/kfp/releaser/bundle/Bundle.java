package com.jackhoman.kfp.releaser.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The OLM bundle as text files by path relative to the project root: {@code bundle/manifests/},
 * {@code bundle/metadata/} and {@code bundle.Dockerfile}.
 *
 * @param files file contents by relative path, in path order
 */
record Bundle(SortedMap<String, String> files) {

  /** The folder that holds everything but the Dockerfile. */
  static final String FOLDER = "bundle";

  Bundle {
    files = new TreeMap<>(files);
  }

  /**
   * Replaces the bundle under {@code projectRoot} with this one, removing files it no longer has.
   */
  void write(Path projectRoot) throws IOException {
    for (String stale : onDisk(projectRoot)) {
      if (!files.containsKey(stale)) {
        Files.delete(projectRoot.resolve(stale));
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = projectRoot.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** The paths whose content under {@code projectRoot} is missing, different or not ours. */
  List<String> differencesFrom(Path projectRoot) throws IOException {
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = projectRoot.resolve(file.getKey());
      if (!Files.isRegularFile(path)) {
        differences.add(file.getKey() + " is missing");
      } else if (!Files.readString(path).equals(file.getValue())) {
        differences.add(file.getKey() + " differs");
      }
    }
    for (String extra : onDisk(projectRoot)) {
      if (!files.containsKey(extra)) {
        differences.add(extra + " is not generated");
      }
    }
    return differences;
  }

  private static List<String> onDisk(Path projectRoot) {
    Path folder = projectRoot.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(path -> projectRoot.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
