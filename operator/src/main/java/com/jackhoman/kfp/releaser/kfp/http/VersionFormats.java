package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.JsonObject;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.packages.PackageFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The package format of a KFP pipeline version, which decides how a recurring run's parameters
 * reach its runs (KFP 2.x reads v1 parameters for Argo workflows only and runtime config for
 * PipelineSpecs only: template/argo_template.go and template/v2_template.go {@code
 * ScheduledWorkflow}). Asked once per version from v2beta1, which shows a version's package;
 * versions never change. KFP 1.x runs only Argo workflows, so there is nothing to ask.
 */
public final class VersionFormats {

  private final KfpTransport transport;
  private final KfpFeatures features;
  private final Map<String, PackageFormat> known = new ConcurrentHashMap<>();

  public VersionFormats(KfpTransport transport, KfpFeatures features) {
    this.transport = transport;
    this.features = features;
  }

  /** The format of the version's package. */
  public PackageFormat of(String pipelineId, String versionId) {
    if (!features.runsPipelineSpecPackages()) {
      return PackageFormat.ARGO_WORKFLOW;
    }
    return known.computeIfAbsent(versionId, id -> ask(pipelineId, id));
  }

  private PackageFormat ask(String pipelineId, String versionId) {
    VersionSpec version =
        transport.get(
            "/apis/v2beta1/pipelines/"
                + PathSegment.of(pipelineId)
                + "/versions/"
                + PathSegment.of(versionId),
            Query.none(),
            VersionSpec.class);
    JsonObject spec = version.pipelineSpec();
    boolean argo =
        spec != null
            && spec.has("kind")
            && "Workflow".equals(spec.get("kind").getAsString())
            && spec.has("apiVersion")
            && spec.get("apiVersion").getAsString().startsWith("argoproj.io/");
    return argo ? PackageFormat.ARGO_WORKFLOW : PackageFormat.PIPELINE_SPEC;
  }

  /** The one field of a {@code v2beta1PipelineVersion} read here. */
  private record VersionSpec(JsonObject pipelineSpec) {}
}
