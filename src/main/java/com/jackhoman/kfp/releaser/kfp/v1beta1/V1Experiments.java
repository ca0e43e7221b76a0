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
import java.util.List;
import java.util.Optional;

/** {@link KfpExperiments} on v1beta1: owner mark in the description, namespace by reference. */
final class V1Experiments implements KfpExperiments {

  private static final String EXPERIMENTS = "/apis/v1beta1/experiments";

  private final KfpTransport transport;
  private final Lookup<KfpExperiment> lookup =
      new Lookup<>(
          ListFilter.Dialect.V1BETA1,
          "name",
          MarkPlace.DESCRIPTION,
          this::list,
          KfpExperiment::owner);

  V1Experiments(KfpTransport transport) {
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
        transport.get(EXPERIMENTS + "/" + id, Query.none(), V1Wire.Experiment.class));
  }

  @Override
  public KfpExperiment create(NewExperiment experiment) {
    V1Wire.Experiment body =
        new V1Wire.Experiment(
            null,
            experiment.name(),
            experiment.owner().appendTo(experiment.description()),
            null,
            experiment.namespace().isEmpty()
                ? null
                : List.of(
                    V1Wire.ResourceReference.of("NAMESPACE", experiment.namespace(), "OWNER")));
    return toExperiment(transport.post(EXPERIMENTS, body, V1Wire.Experiment.class));
  }

  @Override
  public void delete(String id) {
    transport.delete(EXPERIMENTS + "/" + id, Query.none());
  }

  private List<KfpExperiment> list(String namespace, ListFilter filter) {
    return transport
        .list(
            EXPERIMENTS,
            V1Scope.namespace(namespace).and("filter", filter.encoded()),
            V1Wire.Experiments.class,
            page -> new Page<>(page.experiments(), page.nextPageToken()),
            Integer.MAX_VALUE)
        .stream()
        .map(V1Experiments::toExperiment)
        .toList();
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
