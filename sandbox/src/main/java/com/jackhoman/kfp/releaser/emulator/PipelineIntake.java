package com.jackhoman.kfp.releaser.emulator;

import com.jackhoman.kfp.releaser.kfp.KfpNameLimit;
import com.jackhoman.kfp.releaser.kfp.packages.PackageJudge;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Creates pipelines and versions as KFP's pipeline server does: JSON create without a package,
 * multipart upload of a pipeline with its first version, and upload of further versions.
 */
final class PipelineIntake {

  private static final int MAX_FILE_BYTES = 32 << 20;

  private final PipelineStore store;
  private final PackageJudge judge = new PackageJudge();
  private final IdSource ids;
  private final Clock clock;
  private final boolean multiUser;
  private final ReleaseProfile release;

  PipelineIntake(
      PipelineStore store, IdSource ids, Clock clock, boolean multiUser, ReleaseProfile release) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.multiUser = multiUser;
    this.release = release;
  }

  /** The names and texts a create call gives; empty strings when absent. */
  record Naming(
      String name,
      String displayName,
      String description,
      String namespace,
      String codeSourceUrl) {}

  StoredPipeline create(Naming naming, Map<String, String> tags) {
    String name = naming.name().isEmpty() ? naming.displayName() : naming.name();
    if (name.isEmpty()) {
      throw KfpError.invalidArgument("Failed to create a pipeline: name is required");
    }
    return store.addPipeline(pipeline(naming, name, tags, clock.instant()));
  }

  StoredPipeline upload(ApiRequest request, Naming naming) {
    MultipartForm.FilePart file = file(request);
    String name = resolveName(naming, file);
    StoredPackage judged = judge(file, "Error creating pipeline");
    Instant now = clock.instant();
    StoredPipeline pipeline = pipeline(naming, name, UploadNaming.tags(request, release), now);
    StoredVersion first = version(pipeline.id(), naming, name, judged, Map.of(), now);
    return store.addPipelineWithVersion(pipeline, first);
  }

  StoredVersion uploadVersion(ApiRequest request, Naming naming) {
    String pipelineId = request.queryParameter("pipelineid").orElse("");
    if (pipelineId.isEmpty() || store.findPipeline(pipelineId).isEmpty()) {
      throw KfpError.invalidArgument(
          "Failed to create a pipeline version: invalid pipeline id \"" + pipelineId + "\"");
    }
    MultipartForm.FilePart file = file(request);
    String name = resolveName(naming, file);
    StoredPackage judged = judge(file, "Error creating pipeline version");
    return store.addVersion(
        version(
            pipelineId,
            naming,
            name,
            judged,
            UploadNaming.tags(request, release),
            clock.instant()));
  }

  private MultipartForm.FilePart file(ApiRequest request) {
    MultipartForm.FilePart file =
        MultipartForm.file(request, "uploadfile")
            .orElseThrow(
                () ->
                    KfpError.invalidArgument(
                        "Failed to read a file from the request: http: no such file"));
    if (file.content().length() > MAX_FILE_BYTES) {
      throw KfpError.invalidArgument("File size too large. Maximum supported size: 32 MiB");
    }
    String lower = file.fileName().toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".yaml") && !lower.endsWith(".yml") && !lower.endsWith(".json")) {
      throw KfpError.invalidArgument("Unexpected pipeline file format");
    }
    return file;
  }

  /**
   * Judges the uploaded package. 1.8.5 cannot read an IR document written as YAML: {@code
   * template/template.go} {@code New} finds it neither an Argo workflow nor (through {@code
   * protojson.Unmarshal}) a PipelineSpec, and {@code server/pipeline_upload_server.go} {@code
   * UploadPipeline} answers the "unknown template format" error with 500.
   */
  private StoredPackage judge(MultipartForm.FilePart file, String failure) {
    StoredPackage judged = StoredPackage.judge(judge, file.fileName(), file.content());
    if (!judged.argo()
        && !release.readsIrYaml()
        && !file.content().stripLeading().startsWith("{")) {
      throw KfpError.upload(
          500,
          failure
              + ": Create pipeline failed: InvalidInputError: unknown template format: pipeline spec"
              + " is invalid");
    }
    return judged;
  }

  private static String resolveName(Naming naming, MultipartForm.FilePart file) {
    if (!naming.name().isEmpty()) {
      return naming.name();
    }
    return naming.displayName().isEmpty() ? file.fileName() : naming.displayName();
  }

  private StoredPipeline pipeline(
      Naming naming, String name, Map<String, String> tags, Instant now) {
    refuseLongName(KfpNameLimit.PIPELINE, "pipelines", name);
    if (release.kubernetesStore()) {
      KubernetesNames.requireValidPipelineName(name);
    }
    return new StoredPipeline(
        ids.next(),
        name,
        naming.displayName().isEmpty() ? name : naming.displayName(),
        naming.description(),
        multiUser ? naming.namespace() : "",
        now,
        Map.copyOf(tags));
  }

  private StoredVersion version(
      String pipelineId,
      Naming naming,
      String name,
      StoredPackage judged,
      Map<String, String> tags,
      Instant now) {
    refuseLongName(KfpNameLimit.PIPELINE_VERSION, "pipeline_versions", name);
    return new StoredVersion(
        ids.next(),
        pipelineId,
        name,
        naming.displayName().isEmpty() ? name : naming.displayName(),
        naming.description(),
        now,
        naming.codeSourceUrl(),
        Map.copyOf(tags),
        judged);
  }

  /** KFP's {@code ValidateFieldLength}: a name longer than its column is refused with 400. */
  private static void refuseLongName(KfpNameLimit limit, String table, String name) {
    if (limit.problem(name).isPresent()) {
      throw KfpError.invalidArgument(table + ".Name length cannot exceed " + limit.max());
    }
  }
}
