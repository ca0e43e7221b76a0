package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
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
 * {@link KfpPipelines} on v2beta1: owner mark in tags (KFP 2.17 on), create without a package,
 * cascade delete; on KFP 2.0 to 2.5, whose v2 pipelines have no {@code name}, the unique name is
 * the display name, and versions are deleted before their pipeline.
 */
final class V2Pipelines implements KfpPipelines {

  private static final String PIPELINES = "/apis/v2beta1/pipelines";

  private final KfpTransport transport;
  private final KfpFeatures features;
  private final MarkPlace marks;
  private final RestCollection<V2Wire.Pipeline, V2Wire.Pipelines, KfpPipeline> pipelines;
  private final Lookup<KfpPipeline> lookup;

  /** Pipelines over this transport, as the server's release has them. */
  V2Pipelines(KfpTransport transport, KfpFeatures features) {
    this.transport = transport;
    this.features = features;
    this.marks = MarkPlace.on(features);
    this.pipelines =
        new RestCollection<>(
            transport,
            PIPELINES,
            V2Wire.Pipeline.class,
            V2Wire.Pipelines.class,
            page -> new Page<>(page.pipelines(), page.nextPageToken()),
            V2Pipelines::toPipeline);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V2BETA1,
            "name",
            marks,
            (namespace, filter) -> pipelines.list(Query.none().and("namespace", namespace), filter),
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

  @Override
  public KfpPipeline create(NewPipeline pipeline) {
    boolean named = features.pipelinesHaveNames();
    V2Wire.Pipeline body =
        new V2Wire.Pipeline(
            null,
            named ? pipeline.name() : null,
            named ? pipeline.displayName() : pipeline.name(),
            marks.descriptionFor(pipeline.description(), pipeline.owner()),
            pipeline.namespace().isEmpty() ? null : pipeline.namespace(),
            null,
            marks.tagsFor(pipeline.owner()));
    return pipelines.create(body);
  }

  @Override
  public KfpPipeline upload(NewPipeline pipeline, String packageYaml) {
    Query query =
        Query.none()
            .and("name", pipeline.name())
            .and("display_name", pipeline.displayName())
            .and("description", marks.descriptionFor(pipeline.description(), pipeline.owner()))
            .and("namespace", pipeline.namespace())
            .and("tags", marks.tagsJsonFor(pipeline.owner()));
    return toPipeline(
        transport.upload(PIPELINES + "/upload", query, packageYaml, V2Wire.Pipeline.class));
  }

  @Override
  public boolean createsWithoutPackage() {
    return true;
  }

  @Override
  public void delete(String id) {
    if (!features.cascadesPipelineDeletes()) {
      V2PipelineVersions versions = new V2PipelineVersions(transport, features);
      for (KfpPipelineVersion version : versions.list(id)) {
        versions.delete(id, version.id());
      }
    }
    pipelines.delete(
        id, Query.none().and("cascade", features.cascadesPipelineDeletes() ? "true" : null));
  }

  private static KfpPipeline toPipeline(V2Wire.Pipeline wire) {
    return new KfpPipeline(
        wire.pipelineId(),
        V2Wire.nameOf(wire.name(), wire.displayName()),
        wire.displayName(),
        OwnerMark.stripFrom(wire.description()),
        Optional.ofNullable(wire.namespace()).orElse(""),
        MarkPlace.read(wire.tags(), wire.description()),
        wire.createdAt());
  }
}
