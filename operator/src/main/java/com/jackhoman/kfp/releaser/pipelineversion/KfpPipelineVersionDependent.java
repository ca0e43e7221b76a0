package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersions;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.sync.KfpLookup;
import com.jackhoman.kfp.releaser.sync.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.KfpRelease;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The KFP pipeline version of a PipelineVersion, polled from KFP. KFP uploads a version once and
 * cannot update it, so this dependent creates and deletes only. It looks the version up by our
 * mark, then by its name, before every upload, so a lost upload response never leads to a second
 * one.
 */
final class KfpPipelineVersionDependent
    extends KfpPolledDependent<KfpPipelineVersion, PipelineVersion>
    implements Creator<KfpPipelineVersion, PipelineVersion>, Deleter<PipelineVersion> {

  private final KfpClient kfp;
  private final KfpTenancy tenancy;
  private final Function<PipelineVersion, Optional<String>> pipelineId;

  /**
   * Creates the dependent.
   *
   * @param pipelineId the KFP id of the version's pipeline, once known
   */
  KfpPipelineVersionDependent(
      KfpClient kfp,
      KfpTenancy tenancy,
      SyncSettings settings,
      Function<PipelineVersion, Optional<String>> pipelineId) {
    super(KfpPipelineVersion.class, "pipeline version", settings);
    this.kfp = kfp;
    this.tenancy = tenancy;
    this.pipelineId = pipelineId;
  }

  @Override
  protected Set<KfpPipelineVersion> fetchFromKfp(PipelineVersion version) {
    try {
      return pipelineId
          .apply(version)
          .flatMap(id -> find(id, version))
          .map(Set::of)
          .orElse(Set.of());
    } catch (KfpNotFound pipelineGone) {
      return Set.of();
    }
  }

  @Override
  protected KfpPipelineVersion desired(PipelineVersion version, Context<PipelineVersion> context) {
    PipelineVersionSpec spec = version.getSpec();
    return new KfpPipelineVersion(
        null,
        pipelineId.apply(version).orElseThrow(),
        version.getMetadata().getName(),
        spec.getDisplayName() == null ? version.getMetadata().getName() : spec.getDisplayName(),
        spec.getDescription() == null ? "" : spec.getDescription(),
        Optional.of(OwnerMarks.of(version)),
        null);
  }

  @Override
  public KfpPipelineVersion create(
      KfpPipelineVersion desired, PipelineVersion version, Context<PipelineVersion> context) {
    return creates.create(
        version,
        () ->
            find(desired.pipelineId(), version)
                .orElseGet(
                    () ->
                        versions(version)
                            .upload(
                                new NewPipelineVersion(
                                    desired.pipelineId(),
                                    desired.name(),
                                    desired.displayName(),
                                    desired.description(),
                                    desired.owner().orElseThrow(),
                                    uploadYaml(version)))));
  }

  @Override
  protected void handleDelete(
      PipelineVersion version, KfpPipelineVersion inKfp, Context<PipelineVersion> context) {
    KfpRelease.release(
        version,
        version.getSpec().getDeletionPolicy() == PipelineVersionSpec.DeletionPolicy.ORPHAN,
        inKfp,
        () -> fetchResources(version).stream().findFirst(),
        KfpPipelineVersion::owner,
        gone -> versions(version).delete(gone.pipelineId(), gone.id()),
        creates);
  }

  private Optional<KfpPipelineVersion> find(String pipelineId, PipelineVersion version) {
    KfpPipelineVersions versions = versions(version);
    return KfpLookup.markThenName(
        () -> versions.findOwnedBy(pipelineId, OwnerMarks.of(version)),
        () -> versions.findByName(pipelineId, version.getMetadata().getName()));
  }

  /** KFP's pipeline versions, acting as the identity of the version's namespace. */
  private KfpPipelineVersions versions(PipelineVersion version) {
    return kfp.in(tenancy.namespaceOf(version)).versions();
  }

  private static String uploadYaml(PipelineVersion version) {
    try {
      return VersionPackages.of(version).uploadYaml();
    } catch (InvalidPackageException invalid) {
      throw new IllegalStateException(
          "The reconciler uploads only packages it judged valid", invalid);
    }
  }
}
