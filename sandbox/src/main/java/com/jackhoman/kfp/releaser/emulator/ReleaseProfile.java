package com.jackhoman.kfp.releaser.emulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A KFP release the emulator can act as; each capability method names the Go file and function (at
 * the release tags) it was read from, and the endpoints ask these methods instead of a version.
 */
public enum ReleaseProfile {
  KFP_1_8_5("1.8.5", "1.8.5"),
  KFP_2_0_5("2.0.5", "2.0.5"),
  KFP_2_5_0("2.5.0", "2.5.0"),
  KFP_2_14_0("2.14.0", "2.14.0"),
  KFP_2_17_0("2.17.0", "2.17.0"),
  KFP_2_17_0_KUBERNETES_STORE("2.17.0-kubernetes-store", "2.17.0");

  private final String id;
  private final String tagName;

  ReleaseProfile(String id, String tagName) {
    this.id = id;
    this.tagName = tagName;
  }

  /** The id used on the command line and in {@link #parse}, e.g. {@code 2.17.0}. */
  public String id() {
    return id;
  }

  /** What healthz reports as {@code tag_name} (the {@code TAG_NAME} of a release's image). */
  public String tagName() {
    return tagName;
  }

  /** The profile with that id; IllegalArgumentException naming the accepted ids otherwise. */
  public static ReleaseProfile parse(String id) {
    return Arrays.stream(values())
        .filter(profile -> profile.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown KFP release '" + id + "'; accepted: " + acceptedIds()));
  }

  /** The accepted ids, comma-separated, for help texts and errors. */
  public static String acceptedIds() {
    return Arrays.stream(values()).map(ReleaseProfile::id).collect(Collectors.joining(", "));
  }

  /** The newest release modelled, the emulator's default. */
  public static ReleaseProfile newest() {
    return KFP_2_17_0;
  }

  @Override
  public String toString() {
    return id;
  }

  /** Whether this release is {@code release} or a later one. */
  boolean atLeast(ReleaseProfile release) {
    return ordinal() >= release.ordinal();
  }

  /**
   * Whether v2beta1 is served: 1.8.5's {@code backend/src/apiserver/main.go} {@code startHttpProxy}
   * registers v1beta1 handlers only; v2beta1 appears in 2.0.
   */
  boolean servesV2() {
    return atLeast(KFP_2_0_5);
  }

  /**
   * Whether the v2beta1 healthz carries {@code pipeline_store}: {@code main.go} {@code
   * startHttpProxy} writes it from 2.14.0 (string literal), {@code newHealthzResponse} at 2.17.0;
   * v1beta1 healthz never does.
   */
  boolean reportsPipelineStore() {
    return atLeast(KFP_2_14_0);
  }

  /**
   * Where pipelines live: {@code main.go} at 2.17.0 sets {@code pipelineStore = "kubernetes"} when
   * the Kubernetes-native store is enabled, else {@code "database"}.
   */
  boolean kubernetesStore() {
    return this == KFP_2_17_0_KUBERNETES_STORE;
  }

  /**
   * Whether request bodies with unknown fields are refused: {@code common/utils.go} {@code
   * CustomMarshaler} sets {@code DiscardUnknown: false} from 2.14.0; before, grpc-gateway v1.16's
   * default {@code JSONPb} unmarshals with {@code AllowUnknownFields} true and drops them.
   */
  boolean rejectsUnknownFields() {
    return atLeast(KFP_2_14_0);
  }

  /**
   * Whether the v2beta1 Pipeline has a {@code name}: absent from {@code
   * backend/api/v2beta1/pipeline.proto} at 2.0.5 and 2.5.0 ({@code display_name} is the unique
   * name, {@code server/api_converter.go} {@code toModelPipeline}); added by 2.14.0.
   */
  boolean pipelinesHaveName() {
    return atLeast(KFP_2_14_0);
  }

  /**
   * Whether v2beta1 {@code DeletePipeline} honours {@code cascade}: {@code DeletePipelineRequest}
   * has only {@code pipeline_id} at 2.5.0; cascade arrived in 2.14.0 (commit ad2730cf19).
   */
  boolean cascades() {
    return atLeast(KFP_2_14_0);
  }

  /**
   * Whether v1beta1 {@code DeletePipeline} takes the versions with it: 1.8.5's {@code
   * resource/resource_manager.go} {@code DeletePipeline} checks no versions and the database's
   * foreign key ({@code client_manager.go}, CASCADE) removes them; 2.x refuses (cascade false).
   */
  boolean v1DeleteTakesVersions() {
    return this == KFP_1_8_5;
  }

  /** Whether pipelines and versions carry {@code tags}: {@code pipeline.proto} from 2.17.0. */
  boolean pipelineTags() {
    return atLeast(KFP_2_17_0);
  }

  /**
   * Whether a run of a v1beta1 job is found with {@code resource_reference_key.type=JOB}: 1.8.5's
   * {@code server/run_server.go} {@code ListRuns} scopes by the key; 2.x's {@code ListRunsV1} keeps
   * only NAMESPACE and EXPERIMENT keys and ignores JOB (unscoped results).
   */
  boolean listsRunsOfAJob() {
    return this == KFP_1_8_5;
  }

  /**
   * Whether v1beta1 experiments always carry a NAMESPACE/OWNER reference: {@code
   * server/api_converter.go} {@code toApiExperimentV1} on every 2.x; 1.8.5's {@code
   * ToApiExperiment} adds it only in multi-user mode.
   */
  boolean experimentsAlwaysOwnedByNamespace() {
    return atLeast(KFP_2_0_5);
  }

  /**
   * Whether an IR (KFP v2) package uploaded as YAML is accepted: 1.8.5's {@code
   * template/template.go} {@code New} only recognises an IR document through {@code
   * protojson.Unmarshal}, so YAML IR is an unknown template format there.
   */
  boolean readsIrYaml() {
    return atLeast(KFP_2_0_5);
  }

  /** Whether a v1beta1 job reads an IR package's inputs from runtime_config only (every 2.x). */
  boolean validatesIrJobInputs() {
    return atLeast(KFP_2_0_5);
  }

  /**
   * How a run filter on {@code recurring_run_id} fails, or null when it works: {@code model/run.go}
   * {@code runAPIToModelFieldMap} maps it to a missing column at 2.0.x (500, fixed in 2.1.0 by
   * commit 421d65a684); 1.8.5's map has no such key (400).
   */
  RunFilterGap recurringRunIdFilter() {
    return switch (this) {
      case KFP_1_8_5 -> RunFilterGap.UNKNOWN_KEY;
      case KFP_2_0_5 -> RunFilterGap.MISSING_COLUMN;
      default -> null;
    };
  }

  /**
   * Whether jobs can be filtered on {@code description}: 1.8.5's {@code model/job.go} {@code
   * jobAPIToModelFieldMap} has no such key.
   */
  boolean filtersJobsOnDescription() {
    return atLeast(KFP_2_0_5);
  }

  /** The two ways a release fails a run filter on {@code recurring_run_id}. */
  enum RunFilterGap {
    UNKNOWN_KEY,
    MISSING_COLUMN
  }
}
