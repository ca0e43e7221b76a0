package com.jackhoman.kfp.releaser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.ManifestReader;
import com.jackhoman.kfp.releaser.validate.ManifestValidator;
import com.jackhoman.kfp.releaser.validate.ObjectValidator;
import com.jackhoman.kfp.releaser.validate.ValidationReport;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfp-releaser validate}: the offline check a team runs in CI before Argo CD syncs. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks kfp.jackhoman.com manifests and compiled KFP packages offline: CRD schemas and"
          + " rules, references between objects, packages as KFP judges them, recurring-run"
          + " parameters against the pipeline's inputs, and cron schedules.",
      "Exit status: 0 when valid, 1 when not, 2 on usage errors."
    })
final class ValidateCommand implements Callable<Integer> {

  /** The output formats. */
  enum Format {
    text,
    json
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Files or folders (searched recursively for .yaml, .yml, .json) of manifests or"
              + " compiled KFP packages; - reads standard input.")
  List<String> paths;

  @Option(
      names = "--allow-missing-refs",
      description =
          "Report references to objects that are not among the checked files as warnings, not"
              + " errors (for repositories that keep them in other folders).")
  boolean allowMissingRefs;

  @Option(
      names = "--explain",
      description =
          "Also print, for every cron schedule, the 6-field form KFP gets and the next three run"
              + " times (UTC).")
  boolean explain;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default): one line per problem; json: for machines.")
  Format output = Format.text;

  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final Clock clock;

  ValidateCommand(InputStream stdin, Clock clock) {
    this.stdin = stdin;
    this.clock = clock;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    ManifestReader.Result read;
    try {
      read = new ManifestReader(stdin).read(paths);
    } catch (ManifestReader.NoSuchPathException e) {
      spec.commandLine().getErr().println("validate: " + e.getMessage());
      return 2;
    }
    ManifestValidator validator =
        new ManifestValidator(
            new ObjectValidator(CustomResourceDefinitions.load()), clock, allowMissingRefs);
    ValidationReport report = validator.validate(read);
    if (output == Format.json) {
      out.println(toJson(report));
    } else {
      report.problems().forEach(problem -> out.println(problem.toLine()));
      if (explain) {
        report.schedules().forEach(out::println);
      }
      out.println(report.summary());
    }
    out.flush();
    return report.valid() ? 0 : 1;
  }

  private String toJson(ValidationReport report) throws JsonProcessingException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", report.valid());
    json.put("files", report.files());
    json.put("objects", report.objects());
    json.put("errors", report.errors());
    json.put("warnings", report.warnings());
    json.put("problems", report.problems());
    if (explain) {
      json.put("schedules", report.schedules());
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
  }
}
