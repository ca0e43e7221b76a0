package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersions;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.ListFilter;
import com.jackhoman.kfp.releaser.kfp.http.Lookup;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;
import com.jackhoman.kfp.releaser.kfp.http.Page;
import com.jackhoman.kfp.releaser.kfp.http.PathSegment;
import com.jackhoman.kfp.releaser.kfp.http.Query;
import com.jackhoman.kfp.releaser.kfp.http.RestCollection;
import java.util.List;
import java.util.Optional;

/** {@link KfpPipelineVersions} on v2beta1: owner mark in tags, versions under their pipeline. */
final class V2PipelineVersions implements KfpPipelineVersions {

  private final KfpTransport transport;
  private final MarkPlace marks;
  private final Lookup<KfpPipelineVersion> lookup;

  /** Pipeline versions over this transport, as the server's release has them. */
  V2PipelineVersions(KfpTransport transport, KfpFeatures features) {
    this.transport = transport;
    this.marks = MarkPlace.on(features);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V2BETA1,
            "name",
            marks,
            (pipelineId, filter) -> versionsOf(pipelineId).list(Query.none(), filter),
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
    return versionsOf(pipelineId).list(Query.none(), null);
  }

  @Override
  public KfpPipelineVersion get(String pipelineId, String versionId) {
    return versionsOf(pipelineId).get(versionId);
  }

  @Override
  public KfpPipelineVersion upload(NewPipelineVersion version) {
    Query query =
        Query.none()
            .and("pipelineid", version.pipelineId())
            .and("name", version.name())
            .and("display_name", version.displayName())
            .and("description", marks.descriptionFor(version.description(), version.owner()))
            .and("tags", marks.tagsJsonFor(version.owner()));
    return toVersion(
        transport.upload(
            "/apis/v2beta1/pipelines/upload_version",
            query,
            version.packageYaml(),
            V2Wire.PipelineVersion.class));
  }

  @Override
  public void delete(String pipelineId, String versionId) {
    versionsOf(pipelineId).delete(versionId, Query.none());
  }

  /** The versions of one pipeline: a collection under that pipeline's path. */
  private RestCollection<V2Wire.PipelineVersion, V2Wire.PipelineVersions, KfpPipelineVersion>
      versionsOf(String pipelineId) {
    return new RestCollection<>(
        transport,
        "/apis/v2beta1/pipelines/" + PathSegment.of(pipelineId) + "/versions",
        V2Wire.PipelineVersion.class,
        V2Wire.PipelineVersions.class,
        page -> new Page<>(page.pipelineVersions(), page.nextPageToken()),
        V2PipelineVersions::toVersion);
  }

  private static KfpPipelineVersion toVersion(V2Wire.PipelineVersion wire) {
    return new KfpPipelineVersion(
        wire.pipelineVersionId(),
        wire.pipelineId(),
        V2Wire.nameOf(wire.name(), wire.displayName()),
        wire.displayName(),
        OwnerMark.stripFrom(wire.description()),
        MarkPlace.read(wire.tags(), wire.description()),
        wire.createdAt());
  }
}
