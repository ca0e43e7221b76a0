package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersions;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import com.jackhoman.kfp.releaser.sync.dependents.KfpRelease;
import com.jackhoman.kfp.releaser.sync.dependents.UniqueName;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.polling.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.polling.OwnedOrNamed;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The KFP pipeline version of a PipelineVersion, polled from KFP with all other versions of its
 * pipeline (KFP lists versions only per pipeline). KFP uploads a version once and cannot update it,
 * so this dependent creates and deletes only.
 */
final class KfpPipelineVersionDependent
    extends KfpPolledDependent<KfpPipelineVersion, PipelineVersion>
    implements Creator<KfpPipelineVersion, PipelineVersion>, Deleter<PipelineVersion> {

  private static final OwnedOrNamed<KfpPipelineVersion, PipelineVersion> OWNED =
      new OwnedOrNamed<>(
          KfpPipelineVersion::owner,
          KfpPipelineVersion::name,
          OwnerMarks::of,
          version -> version.getMetadata().getName());

  private final KfpClient kfp;
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
    super(KfpPipelineVersion.class, "pipeline version", tenancy, settings, KfpPipelineVersion::id);
    this.kfp = kfp;
    this.pipelineId = pipelineId;
  }

  @Override
  protected Optional<String> scopeOf(PipelineVersion version) {
    return pipelineId.apply(version);
  }

  /** Lists the pipeline's versions; a pipeline gone from KFP has none. */
  @Override
  protected Map<ResourceID, Set<KfpPipelineVersion>> fetchScope(
      String pipeline, List<PipelineVersion> versions) {
    try {
      return OWNED.assignFirst(versions(versions.get(0)).list(pipeline), versions);
    } catch (KfpNotFound pipelineGone) {
      return Map.of();
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
            UniqueName.lookThenCreate(
                () -> find(desired.pipelineId(), version),
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
        () ->
            pipelineId.apply(version).flatMap(pipeline -> findIfPipelineExists(pipeline, version)),
        KfpPipelineVersion::owner,
        gone -> versions(version).delete(gone.pipelineId(), gone.id()),
        creates);
  }

  /** The version of this name under the pipeline in KFP, looked up past the cache. */
  private Optional<KfpPipelineVersion> find(String pipeline, PipelineVersion version) {
    return versions(version).findByName(pipeline, version.getMetadata().getName());
  }

  private Optional<KfpPipelineVersion> findIfPipelineExists(
      String pipeline, PipelineVersion version) {
    try {
      return find(pipeline, version);
    } catch (KfpNotFound pipelineGone) {
      return Optional.empty();
    }
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
