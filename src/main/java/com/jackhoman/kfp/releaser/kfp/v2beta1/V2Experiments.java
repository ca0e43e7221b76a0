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
import java.util.List;
import java.util.Optional;

/** {@link KfpExperiments} on v2beta1: owner mark at the end of the description. */
final class V2Experiments implements KfpExperiments {

  private static final String EXPERIMENTS = "/apis/v2beta1/experiments";

  private final KfpTransport transport;
  private final Lookup<KfpExperiment> lookup =
      new Lookup<>(
          ListFilter.Dialect.V2BETA1,
          "name",
          MarkPlace.DESCRIPTION,
          this::list,
          KfpExperiment::owner);

  V2Experiments(KfpTransport transport) {
    this.transport = transport;
  }

  @Override
  public Optional<KfpExperiment> findByName(String namespace, String name) {
    return lookup.uniquelyNamed(namespace, name);
  }

  @Override
  public List<KfpExperiment> findOwnedBy(String namespace, OwnerMark owner) {
    return lookup.ownedBy(namespace, owner);
  }

  @Override
  public KfpExperiment get(String id) {
    return toExperiment(
        transport.get(EXPERIMENTS + "/" + id, Query.none(), V2Wire.Experiment.class));
  }

  @Override
  public KfpExperiment create(NewExperiment experiment) {
    V2Wire.Experiment body =
        new V2Wire.Experiment(
            null,
            experiment.name(),
            experiment.owner().appendTo(experiment.description()),
            experiment.namespace().isEmpty() ? null : experiment.namespace(),
            null);
    return toExperiment(transport.post(EXPERIMENTS, body, V2Wire.Experiment.class));
  }

  @Override
  public void delete(String id) {
    transport.delete(EXPERIMENTS + "/" + id, Query.none());
  }

  private List<KfpExperiment> list(String namespace, ListFilter filter) {
    Query query = Query.none().and("namespace", namespace).and("filter", filter.encoded());
    return transport
        .list(
            EXPERIMENTS,
            query,
            V2Wire.Experiments.class,
            page -> new Page<>(page.experiments(), page.nextPageToken()),
            Integer.MAX_VALUE)
        .stream()
        .map(V2Experiments::toExperiment)
        .toList();
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
