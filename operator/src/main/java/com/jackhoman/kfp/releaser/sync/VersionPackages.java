package com.jackhoman.kfp.releaser.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PackageJudge;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/** Reads the compiled package a PipelineVersion carries inline, judged as KFP judges it. */
public final class VersionPackages {

  private static final PackageJudge JUDGE = new PackageJudge();

  private VersionPackages() {}

  /**
   * The package of {@code version}.
   *
   * @throws InvalidPackageException when KFP would refuse it, with KFP's reasons
   */
  public static PipelinePackage of(PipelineVersion version) throws InvalidPackageException {
    Map<String, Object> workflow =
        version.getSpec() == null || version.getSpec().getWorkflow() == null
            ? Map.of()
            : version.getSpec().getWorkflow().getAdditionalProperties();
    JsonNode tree = Serialization.jsonMapper().valueToTree(workflow);
    return JUDGE.judgeInline(tree);
  }
}
