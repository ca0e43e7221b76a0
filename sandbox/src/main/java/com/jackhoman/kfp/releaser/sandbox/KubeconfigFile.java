package com.jackhoman.kfp.releaser.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a kubeconfig whose only context points kubectl at the embedded API, without TLS. */
final class KubeconfigFile {

  private KubeconfigFile() {}

  /** Writes the file and returns its path. */
  static Path write(Path file, String serverUrl) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(
        file,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: kfp-releaser-sandbox",
            "  cluster:",
            "    server: " + serverUrl,
            "users:",
            "- name: sandbox",
            "  user:",
            "    token: sandbox",
            "contexts:",
            "- name: kfp-releaser-sandbox",
            "  context:",
            "    cluster: kfp-releaser-sandbox",
            "    user: sandbox",
            "    namespace: default",
            "current-context: kfp-releaser-sandbox",
            ""));
  }
}
