package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.KfpExperiments;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
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

/** {@link KfpExperiments} on v1beta1: owner mark in the description, namespace by reference. */
final class V1Experiments implements KfpExperiments {

  private final RestCollection<V1Wire.Experiment, V1Wire.Experiments, KfpExperiment> experiments;
  private final Lookup<KfpExperiment> lookup;

  V1Experiments(KfpTransport transport) {
    this.experiments =
        new RestCollection<>(
            transport,
            "/apis/v1beta1/experiments",
            V1Wire.Experiment.class,
            V1Wire.Experiments.class,
            page -> new Page<>(page.experiments(), page.nextPageToken()),
            V1Experiments::toExperiment);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V1BETA1,
            "name",
            MarkPlace.DESCRIPTION,
            (namespace, filter) -> experiments.list(V1Scope.namespace(namespace), filter),
            KfpExperiment::owner);
  }

  @Override
  public Optional<KfpExperiment> findByName(String namespace, String name) {
    return lookup.uniquelyNamed(namespace, name);
  }

  @Override
  public List<KfpExperiment> list(String namespace) {
    return lookup.all(namespace);
  }

  @Override
  public List<KfpExperiment> findOwnedBy(String namespace, OwnerMark owner) {
    return lookup.ownedBy(namespace, owner);
  }

  @Override
  public KfpExperiment get(String id) {
    return experiments.get(id);
  }

  @Override
  public KfpExperiment create(NewExperiment experiment) {
    return experiments.create(
        new V1Wire.Experiment(
            null,
            experiment.name(),
            experiment.owner().appendTo(experiment.description()),
            null,
            experiment.namespace().isEmpty()
                ? null
                : List.of(
                    V1Wire.ResourceReference.of("NAMESPACE", experiment.namespace(), "OWNER"))));
  }

  @Override
  public void delete(String id) {
    experiments.delete(id, Query.none());
  }

  private static KfpExperiment toExperiment(V1Wire.Experiment wire) {
    return new KfpExperiment(
        wire.id(),
        wire.name(),
        OwnerMark.stripFrom(wire.description()),
        V1Wire.ResourceReference.idOf(wire.resourceReferences(), "NAMESPACE").orElse(""),
        OwnerMark.fromDescription(wire.description()),
        wire.createdAt());
  }
}
