package com.jackhoman.kfp.releaser.kfp.v2beta1;

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

/** {@link KfpExperiments} on v2beta1: owner mark at the end of the description. */
final class V2Experiments implements KfpExperiments {

  private final RestCollection<V2Wire.Experiment, V2Wire.Experiments, KfpExperiment> experiments;
  private final Lookup<KfpExperiment> lookup;

  V2Experiments(KfpTransport transport) {
    this.experiments =
        new RestCollection<>(
            transport,
            "/apis/v2beta1/experiments",
            V2Wire.Experiment.class,
            V2Wire.Experiments.class,
            page -> new Page<>(page.experiments(), page.nextPageToken()),
            V2Experiments::toExperiment);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V2BETA1,
            "name",
            MarkPlace.DESCRIPTION,
            (namespace, filter) ->
                experiments.list(Query.none().and("namespace", namespace), filter),
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
        new V2Wire.Experiment(
            null,
            experiment.name(),
            experiment.owner().appendTo(experiment.description()),
            experiment.namespace().isEmpty() ? null : experiment.namespace(),
            null));
  }

  @Override
  public void delete(String id) {
    experiments.delete(id, Query.none());
  }

  private static KfpExperiment toExperiment(V2Wire.Experiment wire) {
    return new KfpExperiment(
        wire.experimentId(),
        wire.displayName(),
        OwnerMark.stripFrom(wire.description()),
        Optional.ofNullable(wire.namespace()).orElse(""),
        OwnerMark.fromDescription(wire.description()),
        wire.createdAt());
  }
}
