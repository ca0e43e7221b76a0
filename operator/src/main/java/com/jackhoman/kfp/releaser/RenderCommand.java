package com.jackhoman.kfp.releaser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PackageJudge;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfp-releaser render}: wraps a compiled KFP package into a PipelineVersion manifest. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Wraps a compiled KFP package (a KFP v1 Argo Workflow or a KFP v2 pipeline spec, YAML or"
          + " JSON) into a PipelineVersion manifest on standard output, ready to commit.",
      "Exit status: 0 on success, 1 when the package is not one KFP accepts, 2 on usage errors."
    })
final class RenderCommand implements Callable<Integer> {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  @Parameters(
      index = "0",
      paramLabel = "PACKAGE",
      description = "The compiled package file; - reads standard input.")
  String packageFile;

  @Option(
      names = "--pipeline",
      required = true,
      paramLabel = "P",
      description = "The Pipeline (metadata.name) this version belongs to.")
  String pipeline;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "V",
      description = "The PipelineVersion's metadata.name, e.g. train-v3.")
  String name;

  @Option(names = "--namespace", paramLabel = "NS", description = "The namespace to put it in.")
  String namespace;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "Free text shown next to the version in the KFP UI.")
  String description;

  @Spec CommandSpec spec;

  private final InputStream stdin;

  RenderCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text =
          packageFile.equals("-")
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(packageFile));
    } catch (NoSuchFileException e) {
      err.println("render: no such file: " + packageFile);
      return 2;
    }
    PipelinePackage pkg;
    try {
      pkg = new PackageJudge().judgeFile(packageFile.equals("-") ? "<stdin>" : packageFile, text);
    } catch (InvalidPackageException e) {
      e.problems().forEach(problem -> err.println("render: " + packageFile + ": " + problem));
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("# Rendered by kfp-releaser render from " + Path.of(packageFile).getFileName());
    out.print(YAML.writeValueAsString(manifest(pkg)));
    out.flush();
    return 0;
  }

  private ObjectNode manifest(PipelinePackage pkg) {
    ObjectNode manifest = YAML.createObjectNode();
    manifest.put("apiVersion", "kfp.jackhoman.com/v1alpha1");
    manifest.put("kind", "PipelineVersion");
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    ObjectNode manifestSpec = manifest.putObject("spec");
    manifestSpec.put("pipeline", pipeline);
    if (description != null) {
      manifestSpec.put("description", description);
    }
    manifestSpec.set("workflow", pkg.inline());
    return manifest;
  }
}
