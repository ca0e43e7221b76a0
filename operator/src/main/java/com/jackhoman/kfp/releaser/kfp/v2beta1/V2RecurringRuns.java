package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.KfpRunState;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.ListFilter;
import com.jackhoman.kfp.releaser.kfp.http.Lookup;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;
import com.jackhoman.kfp.releaser.kfp.http.Page;
import com.jackhoman.kfp.releaser.kfp.http.PathSegment;
import com.jackhoman.kfp.releaser.kfp.http.Query;
import com.jackhoman.kfp.releaser.kfp.http.RestCollection;
import com.jackhoman.kfp.releaser.kfp.http.TriggerWire;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KfpRecurringRuns} on v2beta1: owner mark in the description, pinned version reference,
 * typed runtime parameters, {@code mode} ENABLE/DISABLE.
 */
final class V2RecurringRuns implements KfpRecurringRuns {

  private static final String RECURRING_RUNS = "/apis/v2beta1/recurringruns";

  private final KfpTransport transport;
  private final RestCollection<V2Wire.RecurringRun, V2Wire.RecurringRuns, KfpRecurringRun>
      recurringRuns;
  private final RestCollection<V2Wire.Run, V2Wire.Runs, KfpRun> runs;
  private final Lookup<KfpRecurringRun> lookup;

  V2RecurringRuns(KfpTransport transport) {
    this.transport = transport;
    this.recurringRuns =
        new RestCollection<>(
            transport,
            RECURRING_RUNS,
            V2Wire.RecurringRun.class,
            V2Wire.RecurringRuns.class,
            page -> new Page<>(page.recurringRuns(), page.nextPageToken()),
            V2RecurringRuns::toRecurringRun);
    this.runs =
        new RestCollection<>(
            transport,
            "/apis/v2beta1/runs",
            V2Wire.Run.class,
            V2Wire.Runs.class,
            page -> new Page<>(page.runs(), page.nextPageToken()),
            V2RecurringRuns::toRun);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V2BETA1,
            "display_name",
            MarkPlace.DESCRIPTION,
            (namespace, filter) ->
                recurringRuns.list(Query.none().and("namespace", namespace), filter),
            KfpRecurringRun::owner);
  }

  @Override
  public List<KfpRecurringRun> list(String namespace) {
    return lookup.all(namespace);
  }

  @Override
  public List<KfpRecurringRun> findOwnedBy(String namespace, OwnerMark owner) {
    return lookup.ownedBy(namespace, owner);
  }

  @Override
  public List<KfpRecurringRun> findByName(String namespace, String name) {
    return lookup.named(namespace, name);
  }

  @Override
  public KfpRecurringRun get(String id) {
    return recurringRuns.get(id);
  }

  @Override
  public KfpRecurringRun create(NewRecurringRun run) {
    V2Wire.RecurringRun body =
        new V2Wire.RecurringRun(
            null,
            run.name(),
            run.owner().appendTo(run.description()),
            run.experimentId(),
            new V2Wire.VersionReference(run.pipelineId(), run.pipelineVersionId()),
            new V2Wire.RuntimeConfig(run.parameters()),
            run.serviceAccount(),
            (long) run.maxConcurrency(),
            TriggerWire.of(run.trigger()),
            run.enabled() ? "ENABLE" : "DISABLE",
            null,
            run.noCatchup(),
            null);
    return recurringRuns.create(body);
  }

  @Override
  public void setEnabled(String id, boolean enabled) {
    transport.post(
        RECURRING_RUNS + "/" + PathSegment.of(id) + (enabled ? ":enable" : ":disable"),
        null,
        Void.class);
  }

  @Override
  public void delete(String id) {
    recurringRuns.delete(id, Query.none());
  }

  @Override
  public List<KfpRun> recentRuns(KfpRecurringRun recurringRun, int limit) {
    Query query =
        Query.none()
            .and("experiment_id", recurringRun.experimentId())
            .and("sort_by", "created_at desc")
            .and(
                "filter",
                ListFilter.in(ListFilter.Dialect.V2BETA1)
                    .equalTo("recurring_run_id", recurringRun.id())
                    .encoded());
    return runs.list(query, limit);
  }

  private static KfpRun toRun(V2Wire.Run run) {
    return new KfpRun(
        run.runId(),
        run.displayName(),
        run.recurringRunId(),
        KfpRunState.parse(run.state()),
        run.createdAt(),
        Optional.ofNullable(run.finishedAt()));
  }

  private static KfpRecurringRun toRecurringRun(V2Wire.RecurringRun wire) {
    Optional<V2Wire.VersionReference> reference =
        Optional.ofNullable(wire.pipelineVersionReference());
    return new KfpRecurringRun(
        wire.recurringRunId(),
        wire.displayName(),
        OwnerMark.stripFrom(wire.description()),
        OwnerMark.fromDescription(wire.description()),
        wire.experimentId(),
        reference.map(V2Wire.VersionReference::pipelineId).orElse(null),
        reference.map(V2Wire.VersionReference::pipelineVersionId).orElse(null),
        wire.trigger().toTrigger(),
        Optional.ofNullable(wire.runtimeConfig())
            .map(V2Wire.RuntimeConfig::parameters)
            .orElse(Map.of()),
        Optional.ofNullable(wire.maxConcurrency()).orElse(0L).intValue(),
        Boolean.TRUE.equals(wire.noCatchup()),
        "ENABLED".equals(wire.status()),
        wire.serviceAccount(),
        wire.createdAt());
  }
}
