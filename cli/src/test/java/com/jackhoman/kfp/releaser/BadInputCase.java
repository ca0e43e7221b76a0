package com.jackhoman.kfp.releaser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One case of the bad-input corpus under {@code cli/src/test/resources/operator-bad-input}: the
 * manifests a user applies and the outcome the API server and the operator must give, read from the
 * case folder's {@code expect.yaml} (its fields are described in the corpus's {@code README.md}).
 *
 * @param name the case folder's name
 * @param description what the user got wrong, in a sentence
 * @param manifests the manifest file: the case's own {@code manifests.yaml}, or a file of another
 *     corpus named by {@code manifests:}
 * @param kind the kind of the object under test
 * @param objectName the name of the object under test
 * @param outcome what happens to it
 * @param reason the Ready condition's reason, for {@link Outcome#condition}
 * @param messageContains what the refusal or the condition's message must contain
 * @param validate what {@code kfp-releaser validate} must say about the manifests
 * @param deleteFirst {@code Kind/name} of objects deleted before the object under test is applied
 * @param generated how the test enlarges the object under test, if it does
 */
public record BadInputCase(
    String name,
    String description,
    Path manifests,
    String kind,
    String objectName,
    Outcome outcome,
    Optional<String> reason,
    List<String> messageContains,
    ValidateVerdict validate,
    List<String> deleteFirst,
    Optional<Enlargement> generated) {

  /** Where the corpus lives, relative to the project folder. */
  public static final Path CORPUS = Path.of("cli/src/test/resources/operator-bad-input");

  private static final Path RESOURCES = Path.of("cli/src/test/resources");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What happens to the object under test. */
  public enum Outcome {
    /** The API server refuses it at apply. */
    rejected,
    /** It is stored and the operator gives it {@code Ready=False} with a reason. */
    condition,
    /** It is valid and becomes {@code Ready=True}. */
    ready
  }

  /** What {@code kfp-releaser validate} says about the case's manifests. */
  public enum ValidateVerdict {
    /** Exit 1: the same verdict the API server or the operator gives. */
    invalid,
    /** Exit 0. */
    valid,
    /** Only the operator can judge it (it depends on the state of the cluster). */
    operatorOnly
  }

  /**
   * The test makes the object under test large, instead of committing a large file: the text at
   * {@code pointer} is repeated until the object's text is at least {@code bytes} long.
   */
  public record Enlargement(String pointer, int bytes) {}

  /** Every case of the corpus, sorted by name. */
  public static List<BadInputCase> all() {
    try (Stream<Path> folders = Files.list(CORPUS)) {
      return folders.filter(Files::isDirectory).sorted().map(BadInputCase::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BadInputCase read(Path folder) {
    try {
      JsonNode expect = YAML.readTree(folder.resolve("expect.yaml").toFile());
      String[] object = expect.path("object").asText().split("/", 2);
      Outcome outcome = Outcome.valueOf(expect.path("outcome").asText());
      ValidateVerdict validate =
          expect.hasNonNull("validate")
              ? ValidateVerdict.valueOf(expect.path("validate").asText())
              : outcome == Outcome.ready ? ValidateVerdict.valid : ValidateVerdict.invalid;
      JsonNode generated = expect.path("generated");
      return new BadInputCase(
          folder.getFileName().toString(),
          expect.path("description").asText(),
          expect.hasNonNull("manifests")
              ? RESOURCES.resolve(expect.path("manifests").asText())
              : folder.resolve("manifests.yaml"),
          object[0],
          object[1],
          outcome,
          Optional.ofNullable(expect.path("reason").textValue()),
          texts(expect.path("messageContains")),
          validate,
          texts(expect.path("deleteFirst")),
          generated.isMissingNode()
              ? Optional.empty()
              : Optional.of(
                  new Enlargement(
                      generated.path("pointer").asText(), generated.path("bytes").asInt())));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Could not read the bad-input case " + folder, e);
    }
  }

  /** The case's manifests as they are applied: enlarged when the case says so. */
  public List<ObjectNode> documents() {
    try (var parser = YAML.createParser(manifests.toFile())) {
      List<ObjectNode> documents = new ArrayList<>();
      YAML.readValues(parser, ObjectNode.class).forEachRemaining(documents::add);
      generated.ifPresent(enlargement -> enlarge(objectUnderTest(documents), enlargement));
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document of the object under test among {@code documents}. */
  public ObjectNode objectUnderTest(List<ObjectNode> documents) {
    return documents.stream()
        .filter(this::isObjectUnderTest)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(name + ": no " + kind + "/" + objectName + " in it"));
  }

  /** True when {@code document} is the object under test. */
  public boolean isObjectUnderTest(JsonNode document) {
    return kind.equals(document.path("kind").asText())
        && objectName.equals(document.path("metadata").path("name").asText());
  }

  /** The manifests as one YAML text as they are applied, enlarged when the case says so. */
  public String manifestText() {
    StringBuilder text = new StringBuilder();
    for (ObjectNode document : documents()) {
      try {
        text.append(YAML.writeValueAsString(document));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return name;
  }

  private static void enlarge(ObjectNode object, Enlargement enlargement) {
    String pointer = enlargement.pointer();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = object.at(pointer.substring(0, cut));
    String seed = object.at(pointer).asText() + "\n";
    String large = seed.repeat(enlargement.bytes() / seed.length() + 1);
    String field = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode fields) {
      fields.set(field, TextNode.valueOf(large));
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(field), TextNode.valueOf(large));
    }
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
