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
import java.util.List;
import java.util.Optional;

/**
 * {@link KfpPipelineVersions} on v1beta1: owner mark as a description suffix, parent by reference.
 */
final class V1PipelineVersions implements KfpPipelineVersions {

  private static final String VERSIONS = "/apis/v1beta1/pipeline_versions";

  private final KfpTransport transport;
  private final Lookup<KfpPipelineVersion> lookup =
      new Lookup<>(
          ListFilter.Dialect.V1BETA1,
          "name",
          MarkPlace.DESCRIPTION,
          this::list,
          KfpPipelineVersion::owner);

  V1PipelineVersions(KfpTransport transport) {
    this.transport = transport;
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
    return list(pipelineId, null);
  }

  @Override
  public KfpPipelineVersion get(String pipelineId, String versionId) {
    return toVersion(
        transport.get(VERSIONS + "/" + versionId, Query.none(), V1Wire.PipelineVersion.class));
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
    transport.delete(VERSIONS + "/" + versionId, Query.none());
  }

  private List<KfpPipelineVersion> list(String pipelineId, ListFilter filter) {
    Query query =
        Query.none()
            .and("resource_key.type", "PIPELINE")
            .and("resource_key.id", pipelineId)
            .and("filter", filter == null ? null : filter.encoded());
    return transport
        .list(
            VERSIONS,
            query,
            V1Wire.PipelineVersions.class,
            page -> new Page<>(page.versions(), page.nextPageToken()),
            Integer.MAX_VALUE)
        .stream()
        .map(V1PipelineVersions::toVersion)
        .toList();
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
