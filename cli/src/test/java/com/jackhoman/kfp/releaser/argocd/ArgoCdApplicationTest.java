package com.jackhoman.kfp.releaser.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example Argo CD Application delivers this repository's examples folder, subfolders too. */
class ArgoCdApplicationTest {

  @Test
  void applicationSyncsEveryExampleFolderIntoOneNamespace() throws IOException {
    JsonNode application =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("deploy/argocd/application.yaml").toFile());
    JsonNode source = application.path("spec").path("source");

    assertThat(application.path("kind").asText()).isEqualTo("Application");
    assertThat(Files.isDirectory(Path.of(source.path("path").asText()))).isTrue();
    assertThat(source.path("directory").path("recurse").asBoolean()).isTrue();
    assertThat(application.path("spec").path("destination").path("namespace").asText())
        .isNotBlank();
  }
}
