package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.kfp.KfpNameLimit;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PackageJudge;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline check behind {@code kfp-releaser validate}: everything kube-apiserver, KFP and the
 * operator would refuse, found before Argo CD syncs.
 */
public final class ManifestValidator {

  private final ObjectValidator objectValidator;
  private final PackageJudge judge = new PackageJudge();
  private final ScheduleCheck schedules;
  private final boolean missingReferencesAreWarnings;

  /**
   * Creates a validator.
   *
   * @param objectValidator the CRD checks
   * @param clock the time the next cron runs are computed from
   * @param missingReferencesAreWarnings true when referenced objects may live in other folders
   */
  public ManifestValidator(
      ObjectValidator objectValidator, Clock clock, boolean missingReferencesAreWarnings) {
    this.objectValidator = objectValidator;
    this.schedules = new ScheduleCheck(clock);
    this.missingReferencesAreWarnings = missingReferencesAreWarnings;
  }

  /** Checks every document of every file read, and the objects against each other. */
  public ValidationReport validate(ManifestReader.Result read) {
    List<SourceFile> files = read.files();
    List<Problem> problems = new ArrayList<>(read.problems());
    List<CheckedObject> objects = new ArrayList<>();
    int packages = 0;
    for (SourceFile file : files) {
      if (isCompiledPackage(file)) {
        packages++;
        problems.addAll(judgeFile(file));
        continue;
      }
      for (SourceDocument document : file.documents()) {
        checkDocument(document, problems).ifPresent(objects::add);
      }
    }
    problems.addAll(duplicates(objects));
    problems.addAll(ReferenceCheck.check(objects, missingReferencesAreWarnings));
    Map<String, PipelinePackage> packagesByVersion = judgeVersions(objects, problems);
    List<String> explanations = new ArrayList<>();
    for (CheckedObject run : ofKind(objects, "RecurringRun")) {
      schedules.check(run).ifPresent(problems::add);
      schedules.explain(run).ifPresent(explanations::add);
      String version = run.spec().path("versionRef").asText("");
      PipelinePackage pkg = packagesByVersion.get(run.namespace() + "/" + version);
      if (pkg != null) {
        problems.addAll(ParameterCheck.check(run, version, pkg));
      }
    }
    return new ValidationReport(
        sortedByFile(problems, files), files.size(), objects.size() + packages, explanations);
  }

  private Optional<CheckedObject> checkDocument(SourceDocument document, List<Problem> problems) {
    JsonNode content = document.content();
    String apiVersion = content.path("apiVersion").asText("");
    String kind = content.path("kind").asText("");
    Optional<KindSchema> schema = objectValidator.crds().find(apiVersion, kind);
    if (schema.isEmpty()) {
      problems.add(
          new Problem(
              document.source(),
              "",
              "",
              unknownKindMessage(document, apiVersion, kind),
              Problem.Severity.ERROR));
      return Optional.empty();
    }
    CheckedObject object = CheckedObject.of(document, schema.get());
    for (FieldError error : objectValidator.validate(schema.get(), content, null)) {
      problems.add(object.problem(error.field(), error.message(), Problem.Severity.ERROR));
    }
    tooLarge(object, content).ifPresent(problems::add);
    return Optional.of(object);
  }

  /**
   * The error for an object a default cluster would not store (see {@link StorageLimits}): its
   * size, the limit in bytes, and what kube-apiserver answers. An object without a namespace is
   * measured in {@code default}.
   */
  private static Optional<Problem> tooLarge(CheckedObject object, JsonNode content) {
    long bytes = content.toString().getBytes(StandardCharsets.UTF_8).length;
    String key =
        StorageLimits.key(
            CustomResourceDefinitions.GROUP,
            object.kind().plural(),
            object.namespace().isEmpty() ? "default" : object.namespace(),
            object.name());
    return StorageLimits.bodyRefusal(bytes)
        .or(() -> StorageLimits.refusal(key, content))
        .map(
            refusal ->
                object.problem(
                    "",
                    "the object is "
                        + bytes
                        + " bytes as JSON, too large for a default cluster: "
                        + limitBroken(refusal)
                        + "; kube-apiserver answers "
                        + refusal.code()
                        + " \""
                        + refusal.message()
                        + "\": keep large data out of the package",
                    Problem.Severity.ERROR));
  }

  private static String limitBroken(StorageLimits.Refusal refusal) {
    if (refusal.limit() == StorageLimits.MAX_REQUEST_BODY_BYTES) {
      return "kube-apiserver reads request bodies of at most " + refusal.limit() + " bytes";
    }
    String needs = ", and this object needs " + refusal.bytes() + " with its key and metadata";
    return refusal.limit() == StorageLimits.ETCD_MAX_REQUEST_BYTES
        ? "its etcd takes requests of at most "
            + refusal.limit()
            + " bytes (--max-request-bytes)"
            + needs
        : "kube-apiserver sends etcd messages of at most " + refusal.limit() + " bytes" + needs;
  }

  private static String unknownKindMessage(
      SourceDocument document, String apiVersion, String kind) {
    String where = "document at line " + document.line() + ": ";
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return where
          + "no apiVersion/kind; expected a kfp.jackhoman.com/v1alpha1 object (Pipeline,"
          + " PipelineVersion, RecurringRun, Experiment) or a compiled KFP package";
    }
    if (apiVersion.startsWith(CustomResourceDefinitions.GROUP + "/")) {
      return where
          + "unknown apiVersion/kind "
          + apiVersion
          + " "
          + kind
          + "; kfp.jackhoman.com/v1alpha1 has Pipeline, PipelineVersion, RecurringRun and"
          + " Experiment";
    }
    return where
        + "unknown apiVersion/kind "
        + apiVersion
        + " "
        + kind
        + "; validate checks kfp.jackhoman.com/v1alpha1 objects and compiled KFP packages";
  }

  /**
   * A file none of whose documents is a Kubernetes object of ours, but one of which is a package.
   */
  private static boolean isCompiledPackage(SourceFile file) {
    boolean anyPackage = false;
    for (SourceDocument document : file.documents()) {
      JsonNode content = document.content();
      if (content.path("apiVersion").asText("").startsWith(CustomResourceDefinitions.GROUP + "/")) {
        return false;
      }
      anyPackage |=
          content.has("pipelineInfo")
              || content.has("pipeline_spec")
              || (content.path("apiVersion").asText("").startsWith("argoproj.io/")
                  && "Workflow".equals(content.path("kind").asText()));
    }
    return anyPackage;
  }

  private List<Problem> judgeFile(SourceFile file) {
    try {
      judge.judgeFile(file.name(), file.text());
      return List.of();
    } catch (InvalidPackageException e) {
      return e.problems().stream()
          .map(message -> new Problem(file.name(), "package", "", message, Problem.Severity.ERROR))
          .toList();
    }
  }

  private Map<String, PipelinePackage> judgeVersions(
      List<CheckedObject> objects, List<Problem> problems) {
    Map<String, PipelinePackage> packages = new HashMap<>();
    for (CheckedObject version : ofKind(objects, "PipelineVersion")) {
      KfpNameLimit.PIPELINE_VERSION
          .problem(version.name())
          .ifPresent(
              problem ->
                  problems.add(version.problem("metadata.name", problem, Problem.Severity.ERROR)));
      JsonNode workflow = version.spec().path("workflow");
      if (!workflow.isObject()) {
        continue;
      }
      try {
        packages.put(version.namespace() + "/" + version.name(), judge.judgeInline(workflow));
      } catch (InvalidPackageException e) {
        e.problems()
            .forEach(
                message ->
                    problems.add(
                        version.problem("spec.workflow", message, Problem.Severity.ERROR)));
      }
    }
    return packages;
  }

  private static List<Problem> duplicates(List<CheckedObject> objects) {
    Set<String> seen = new HashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (CheckedObject object : objects) {
      if (!object.name().endsWith("*") && !seen.add(object.label())) {
        problems.add(
            object.problem(
                "metadata.name",
                "declared more than once; the later one would overwrite the earlier one",
                Problem.Severity.ERROR));
      }
    }
    return problems;
  }

  private static List<CheckedObject> ofKind(List<CheckedObject> objects, String kind) {
    return objects.stream().filter(o -> o.kind().kind().equals(kind)).toList();
  }

  private static List<Problem> sortedByFile(List<Problem> problems, List<SourceFile> files) {
    List<String> order = files.stream().map(SourceFile::name).toList();
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort((a, b) -> Integer.compare(order.indexOf(a.source()), order.indexOf(b.source())));
    return sorted;
  }
}
