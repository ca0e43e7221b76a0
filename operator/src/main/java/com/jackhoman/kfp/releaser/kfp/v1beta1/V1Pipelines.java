package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersions;
import com.jackhoman.kfp.releaser.kfp.KfpPipelines;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
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
 * {@link KfpPipelines} on v1beta1: owner mark as a description suffix, created only by upload, and
 * cascade done here.
 */
final class V1Pipelines implements KfpPipelines {

  private static final String PIPELINES = "/apis/v1beta1/pipelines";

  private final KfpTransport transport;
  private final KfpPipelineVersions versions;
  private final RestCollection<V1Wire.Pipeline, V1Wire.Pipelines, KfpPipeline> pipelines;
  private final Lookup<KfpPipeline> lookup;

  V1Pipelines(KfpTransport transport, KfpPipelineVersions versions) {
    this.transport = transport;
    this.versions = versions;
    this.pipelines =
        new RestCollection<>(
            transport,
            PIPELINES,
            V1Wire.Pipeline.class,
            V1Wire.Pipelines.class,
            page -> new Page<>(page.pipelines(), page.nextPageToken()),
            V1Pipelines::toPipeline);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V1BETA1,
            "name",
            MarkPlace.DESCRIPTION,
            (namespace, filter) -> pipelines.list(V1Scope.namespace(namespace), filter),
            KfpPipeline::owner);
  }

  @Override
  public Optional<KfpPipeline> findByName(String namespace, String name) {
    return lookup.uniquelyNamed(namespace, name);
  }

  @Override
  public List<KfpPipeline> list(String namespace) {
    return lookup.all(namespace);
  }

  @Override
  public List<KfpPipeline> findOwnedBy(String namespace, OwnerMark owner) {
    return lookup.ownedBy(namespace, owner);
  }

  @Override
  public KfpPipeline get(String id) {
    return pipelines.get(id);
  }

  /** Always refused: v1beta1 has no call that creates a pipeline without a package. */
  @Override
  public KfpPipeline create(NewPipeline pipeline) {
    throw new UnsupportedOperationException(
        "KFP v1beta1 cannot create a pipeline without a package; upload the first version");
  }

  @Override
  public KfpPipeline upload(NewPipeline pipeline, String packageYaml) {
    Query query =
        Query.none()
            .and("name", pipeline.name())
            .and("description", pipeline.owner().appendTo(pipeline.description()))
            .and("namespace", pipeline.namespace());
    return toPipeline(
        transport.upload(PIPELINES + "/upload", query, packageYaml, V1Wire.Pipeline.class));
  }

  @Override
  public boolean createsWithoutPackage() {
    return false;
  }

  /** v1beta1 never cascades on KFP 2.x (server/pipeline_server.go {@code DeletePipelineV1}). */
  @Override
  public void delete(String id) {
    for (KfpPipelineVersion version : versions.list(id)) {
      versions.delete(id, version.id());
    }
    pipelines.delete(id, Query.none());
  }

  private static KfpPipeline toPipeline(V1Wire.Pipeline wire) {
    return new KfpPipeline(
        wire.id(),
        wire.name(),
        wire.name(),
        OwnerMark.stripFrom(wire.description()),
        V1Wire.ResourceReference.idOf(wire.resourceReferences(), "NAMESPACE").orElse(""),
        OwnerMark.fromDescription(wire.description()),
        wire.createdAt());
  }
}
