package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the files, folders (recursively) and standard input given to {@code validate} into
 * documents, turning unreadable YAML or JSON into problems instead of failures.
 */
public final class ManifestReader {

  /** The name standard input is reported under. */
  public static final String STDIN = "<stdin>";

  /**
   * Reads documents of up to 64 MiB, not SnakeYAML's default 3 MiB, so that an object too large for
   * a cluster is reported as such ({@link StorageLimits}) rather than as malformed YAML.
   */
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .loaderOptions(largeDocuments())
              .build()
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private static LoaderOptions largeDocuments() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return options;
  }

  private final InputStream stdin;

  /** Creates a reader that takes {@code -} to mean the given standard input. */
  public ManifestReader(InputStream stdin) {
    this.stdin = stdin;
  }

  /** What was read: the files with their documents, and the problems met while reading. */
  public record Result(List<SourceFile> files, List<Problem> problems) {}

  /**
   * Reads every path; folders are walked recursively for {@code .yaml}, {@code .yml} and {@code
   * .json} files, in name order.
   *
   * @throws NoSuchPathException when a path does not exist
   */
  public Result read(List<String> paths) {
    List<SourceFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String path : paths) {
      for (String file : expand(path)) {
        String text = readText(file);
        files.add(parse(file, text, problems));
      }
    }
    return new Result(files, problems);
  }

  /** Parses one text as a stream of YAML (or JSON) documents. */
  public static SourceFile parse(String name, String text, List<Problem> problems) {
    List<SourceDocument> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (iterator.hasNextValue()) {
        int line = Math.max(1, iterator.getParser().currentTokenLocation().getLineNr());
        JsonNode document = iterator.nextValue();
        if (document != null && !document.isMissingNode() && !document.isNull()) {
          documents.add(new SourceDocument(name, line, document));
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(
          new Problem(name, "", "", "malformed YAML/JSON: " + describe(e), Problem.Severity.ERROR));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException cause) {
        problems.add(
            new Problem(
                name, "", "", "malformed YAML/JSON: " + describe(cause), Problem.Severity.ERROR));
      } else {
        throw e;
      }
    }
    return new SourceFile(name, text, documents);
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? message
        : "line " + location.getLineNr() + ": " + message;
  }

  private List<String> expand(String path) {
    if (path.equals("-")) {
      return List.of(STDIN);
    }
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw new NoSuchPathException(path);
    }
    if (!Files.isDirectory(file)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(file)) {
      return walk.filter(Files::isRegularFile)
          .filter(ManifestReader::isManifestFile)
          .sorted()
          .map(Path::toString)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isManifestFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private String readText(String file) {
    try {
      return file.equals(STDIN)
          ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }

  /** Thrown when a path given on the command line does not exist (a usage error). */
  public static final class NoSuchPathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSuchPathException(String path) {
      super("no such file or folder: " + path);
    }
  }
}
