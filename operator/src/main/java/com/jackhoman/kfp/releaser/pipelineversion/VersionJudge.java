package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpNameLimit;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import java.util.Optional;

/**
 * Judges a PipelineVersion before any KFP call, as KFP would: its name against KFP's limit, its
 * package against KFP's rules, and the package's format against what this KFP release keeps.
 */
final class VersionJudge {

  /**
   * Why a version cannot be uploaded.
   *
   * @param reason InvalidSpec (fix the object) or UnsupportedByKfp (fix the KFP release)
   * @param message what to do
   */
  record Refusal(Reason reason, String message) {}

  private final KfpFeatures features;

  VersionJudge(KfpFeatures features) {
    this.features = features;
  }

  /**
   * Judges {@code version}; writes what the package declares into {@code status} once it is read.
   */
  Optional<Refusal> judge(PipelineVersion version, PipelineVersionStatus status) {
    Optional<String> tooLong =
        KfpNameLimit.PIPELINE_VERSION.problem(version.getMetadata().getName());
    if (tooLong.isPresent()) {
      return invalid(
          tooLong.get()
              + ": create the PipelineVersion again with a metadata.name of at most "
              + KfpNameLimit.PIPELINE_VERSION.max()
              + " characters");
    }
    PipelinePackage pkg;
    try {
      pkg = VersionPackages.of(version);
    } catch (InvalidPackageException invalid) {
      return invalid(
          "KFP would refuse the package in spec.workflow: "
              + invalid.getMessage()
              + ". Create a new PipelineVersion with a valid package");
    }
    status.setFormat(pkg.format().displayName());
    status.setSpecHash(pkg.specHash());
    status.setParameters(DeclaredInputs.of(pkg));
    return features
        .cannotKeep(pkg.format())
        .map(unkept -> new Refusal(Reason.UnsupportedByKfp, unkept));
  }

  private static Optional<Refusal> invalid(String message) {
    return Optional.of(new Refusal(Reason.InvalidSpec, message));
  }
}
