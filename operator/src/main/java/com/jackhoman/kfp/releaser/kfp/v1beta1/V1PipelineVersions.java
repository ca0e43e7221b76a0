package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersions;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.ListFilter;
import com.jackhoman.kfp.releaser.kfp.http.Lookup;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;
import com.jackhoman.kfp.releaser.kfp.http.Page;
import com.jackhoman.kfp.releaser.kfp.http.Query;
import com.jackhoman.kfp.releaser.kfp.http.RestCollection;
import java.util.List;
import java.util.Optional;

/**
 * {@link KfpPipelineVersions} on v1beta1: owner mark as a description suffix, parent by reference.
 */
final class V1PipelineVersions implements KfpPipelineVersions {

  private final KfpTransport transport;
  private final RestCollection<V1Wire.PipelineVersion, V1Wire.PipelineVersions, KfpPipelineVersion>
      versions;
  private final Lookup<KfpPipelineVersion> lookup;

  V1PipelineVersions(KfpTransport transport) {
    this.transport = transport;
    this.versions =
        new RestCollection<>(
            transport,
            "/apis/v1beta1/pipeline_versions",
            V1Wire.PipelineVersion.class,
            V1Wire.PipelineVersions.class,
            page -> new Page<>(page.versions(), page.nextPageToken()),
            V1PipelineVersions::toVersion);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V1BETA1,
            "name",
            MarkPlace.DESCRIPTION,
            (pipelineId, filter) -> versions.list(parent(pipelineId), filter),
            KfpPipelineVersion::owner);
  }

  @Override
  public Optional<KfpPipelineVersion> findByName(String pipelineId, String name) {
    return lookup.uniquelyNamed(pipelineId, name);
  }

  @Override
  public List<KfpPipelineVersion> findOwnedBy(String pipelineId, OwnerMark owner) {
    return lookup.ownedBy(pipelineId, owner);
  }

  @Override
  public List<KfpPipelineVersion> list(String pipelineId) {
    return versions.list(parent(pipelineId), null);
  }

  @Override
  public KfpPipelineVersion get(String pipelineId, String versionId) {
    return versions.get(versionId);
  }

  @Override
  public KfpPipelineVersion upload(NewPipelineVersion version) {
    Query query =
        Query.none()
            .and("pipelineid", version.pipelineId())
            .and("name", version.name())
            .and("description", version.owner().appendTo(version.description()));
    return toVersion(
        transport.upload(
            "/apis/v1beta1/pipelines/upload_version",
            query,
            version.packageYaml(),
            V1Wire.PipelineVersion.class));
  }

  @Override
  public void delete(String pipelineId, String versionId) {
    versions.delete(versionId, Query.none());
  }

  /** v1 names a version's parent with a {@code resource_key} query, not a path. */
  private static Query parent(String pipelineId) {
    return Query.none().and("resource_key.type", "PIPELINE").and("resource_key.id", pipelineId);
  }

  private static KfpPipelineVersion toVersion(V1Wire.PipelineVersion wire) {
    return new KfpPipelineVersion(
        wire.id(),
        V1Wire.ResourceReference.idOf(wire.resourceReferences(), "PIPELINE").orElse(null),
        wire.name(),
        wire.name(),
        OwnerMark.stripFrom(wire.description()),
        OwnerMark.fromDescription(wire.description()),
        wire.createdAt());
  }
}
