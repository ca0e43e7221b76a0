package com.jackhoman.kfp.releaser.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jackhoman.kfp.releaser.validate.ManifestReader;
import com.jackhoman.kfp.releaser.validate.SourceDocument;
import com.jackhoman.kfp.releaser.validate.SourceFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The CSV's {@code alm-examples}: for each owned kind, the first object of that kind in one folder
 * of {@code examples/}, so the OperatorHub "Create" forms start from a manifest that is tested.
 */
final class AlmExamples {

  /** The example folder that tells the whole story: all four kinds, typed inputs, a cron. */
  static final Path FOLDER = Path.of("examples", "typed-inputs");

  private AlmExamples() {}

  /**
   * The examples as a pretty JSON array, one object per kind in the given order.
   *
   * @throws IllegalStateException when the folder has no object of one of the kinds
   */
  static String read(Path projectRoot, List<String> kinds) {
    List<JsonNode> objects =
        new ManifestReader(InputStream.nullInputStream())
            .read(List.of(projectRoot.resolve(FOLDER).toString())).files().stream()
                .map(SourceFile::documents)
                .flatMap(List::stream)
                .map(SourceDocument::content)
                .toList();
    ObjectMapper json = new ObjectMapper();
    ArrayNode examples = json.createArrayNode();
    for (String kind : kinds) {
      examples.add(firstOfKind(objects, kind).orElseThrow(() -> missing(kind)));
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(examples);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<JsonNode> firstOfKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst();
  }

  private static IllegalStateException missing(String kind) {
    return new IllegalStateException(FOLDER + " has no " + kind + " to use as its alm-example");
  }
}
