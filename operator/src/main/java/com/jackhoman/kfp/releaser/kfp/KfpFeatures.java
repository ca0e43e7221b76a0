package com.jackhoman.kfp.releaser.kfp;

import com.jackhoman.kfp.releaser.kfp.packages.PackageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the KFP release behind a client can and cannot do, from the {@code tag_name} and {@code
 * pipeline_store} its healthz reports. Each rule is read from kubeflow/pipelines' Go code at the
 * release tags (paths under {@code backend/src/apiserver/}); {@code docs/kfp-releases.md} has the
 * table.
 *
 * @param release the tag as KFP reports it
 * @param major the release's major number
 * @param minor the release's minor number
 * @param understood false when the tag could not be read: the newest behaviour is then assumed
 * @param kubernetesStore whether pipelines live in Kubernetes ({@code pipeline_store: kubernetes})
 */
public record KfpFeatures(
    String release, int major, int minor, boolean understood, boolean kubernetesStore) {

  private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

  /** The newest release this client knows; unreadable tags are treated as it. */
  public static final String NEWEST = "2.17.0";

  /** The features of the release a healthz answer names. */
  public static KfpFeatures of(String tagName, String pipelineStore) {
    boolean kubernetes = "kubernetes".equalsIgnoreCase(pipelineStore);
    Matcher version = VERSION.matcher(tagName == null ? "" : tagName.strip());
    if (!version.find()) {
      return new KfpFeatures(tagName, 2, 17, false, kubernetes);
    }
    return new KfpFeatures(
        tagName,
        Integer.parseInt(version.group(1)),
        Integer.parseInt(version.group(2)),
        true,
        kubernetes);
  }

  /** KFP 1.x serves only {@code /apis/v1beta1}. */
  public boolean servesV2() {
    return major >= 2;
  }

  /**
   * Whether KFP runs KFP v2 (IR) packages: 1.8's {@code template.New} finds "unknown template
   * format" in a PipelineSpec YAML (template/template.go {@code inferTemplateFormat} at 1.8.5).
   */
  public boolean runsPipelineSpecPackages() {
    return major >= 2;
  }

  /**
   * Whether a v2beta1 pipeline has a {@code name} beside its {@code display_name}: from 2.14 on;
   * before, the v2 Pipeline message has none and {@code display_name} is the unique name
   * (backend/api/v2beta1/pipeline.proto, server/api_converter.go {@code toModelPipeline} at 2.5.0).
   */
  public boolean pipelinesHaveNames() {
    return atLeast(2, 14);
  }

  /**
   * Whether {@code DELETE .../pipelines/{id}?cascade=true} deletes the versions too: from 2.14.0 on
   * (commit ad2730cf19); before, {@code DeletePipelineRequest} has only {@code pipeline_id} and a
   * pipeline with versions is refused (resource/resource_manager.go {@code DeletePipeline}).
   */
  public boolean cascadesPipelineDeletes() {
    return atLeast(2, 14);
  }

  /** Whether v2beta1 pipelines and versions carry tags: from 2.17.0 on. */
  public boolean pipelineTags() {
    return atLeast(2, 17);
  }

  /**
   * Whether the run filter knows {@code recurring_run_id}: not on 1.x (model/run.go's field map at
   * 1.8.5 has no such key: 400), nor on 2.0.x (it maps to a column that does not exist: 500; fixed
   * in 2.1.0 by commit 421d65a684).
   */
  public boolean filtersRunsByRecurringRun() {
    return atLeast(2, 1);
  }

  /**
   * Whether v1beta1 lists the runs of one job through {@code resource_reference_key.type=JOB}: on
   * 1.x; 2.x's {@code ListRunsV1} ignores that key and answers every run (server/run_server.go).
   */
  public boolean scopesRunsByJob() {
    return major < 2;
  }

  /** Whether the job filter knows {@code description}: not on 1.x (model/job.go at 1.8.5). */
  public boolean filtersJobsByDescription() {
    return major >= 2;
  }

  /**
   * Whether pipeline names must be DNS-1123 subdomains: in the Kubernetes-native pipeline store
   * (resource/pipeline_store_kubernetes.go, 2.14 on), where each pipeline is a Kubernetes object.
   */
  public boolean dnsPipelineNames() {
    return kubernetesStore;
  }

  /**
   * Why this KFP cannot keep a package of this format, if it cannot, with what to do: KFP 1.x runs
   * only Argo workflows; the Kubernetes pipeline store parses every version as a PipelineSpec
   * (backend/src/crd/kubernetes/v2beta1/pipelineversion_types.go {@code FromPipelineVersionModel}).
   */
  public Optional<String> cannotKeep(PackageFormat format) {
    boolean pipelineSpec = format == PackageFormat.PIPELINE_SPEC;
    if (pipelineSpec && !runsPipelineSpecPackages()) {
      return Optional.of(
          "KFP "
              + release
              + " runs only KFP v1 (Argo workflow) packages and refuses this KFP v2 (PipelineSpec)"
              + " package: compile the pipeline with the KFP SDK v1, or upgrade KFP to 2.x");
    }
    if (!pipelineSpec && kubernetesStore) {
      return Optional.of(
          "KFP "
              + release
              + " keeps pipelines in Kubernetes (pipeline_store: kubernetes), which stores only KFP"
              + " v2 (PipelineSpec) packages and refuses this KFP v1 (Argo workflow) package:"
              + " compile the pipeline with the KFP SDK v2, or use a KFP whose pipeline store is its"
              + " database");
    }
    return Optional.empty();
  }

  /** What this release lacks that the operator works around, for one line in the log. */
  public List<String> limitations() {
    List<String> missing = new ArrayList<>();
    if (!understood) {
      missing.add(
          "its release \""
              + release
              + "\" is not one kfp-releaser can read; KFP "
              + NEWEST
              + " is assumed");
    }
    if (!servesV2()) {
      missing.add("only the v1beta1 API; KFP v2 (PipelineSpec) packages are refused");
    }
    if (servesV2() && !pipelinesHaveNames()) {
      missing.add("no pipeline names apart from display names (display names are used)");
    }
    if (servesV2() && !cascadesPipelineDeletes()) {
      missing.add("no cascading pipeline delete (versions are deleted one by one first)");
    }
    if (!filtersRunsByRecurringRun()) {
      missing.add("no run filter by recurring run (recent runs are picked out by the operator)");
    }
    if (kubernetesStore) {
      missing.add("the Kubernetes pipeline store: pipeline names are made DNS-1123 names");
    }
    return missing;
  }

  private boolean atLeast(int wantedMajor, int wantedMinor) {
    return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
  }
}
