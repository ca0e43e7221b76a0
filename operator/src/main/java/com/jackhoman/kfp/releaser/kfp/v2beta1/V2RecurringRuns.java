package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
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
import com.jackhoman.kfp.releaser.kfp.http.VersionFormats;
import com.jackhoman.kfp.releaser.kfp.packages.PackageFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KfpRecurringRuns} on v2beta1: owner mark in the description, pinned version reference,
 * typed runtime parameters, {@code mode} ENABLE/DISABLE. A recurring run of a KFP v1 (Argo) package
 * is created through v1beta1: v2beta1 drops its parameters on every KFP 2.x ({@code toModelJob} in
 * server/api_converter.go sets the v1 parameters to "" for the v2 API, and
 * template/argo_template.go reads nothing else), while both generations read and manage it alike.
 */
final class V2RecurringRuns implements KfpRecurringRuns {

  private static final String RECURRING_RUNS = "/apis/v2beta1/recurringruns";

  /** How many of an experiment's latest runs are searched where KFP cannot filter by job. */
  private static final int RUNS_SEARCHED = 1_000;

  private final KfpTransport transport;
  private final KfpFeatures features;
  private final VersionFormats formats;
  private final KfpRecurringRuns argoJobs;
  private final RestCollection<V2Wire.RecurringRun, V2Wire.RecurringRuns, KfpRecurringRun>
      recurringRuns;
  private final RestCollection<V2Wire.Run, V2Wire.Runs, KfpRun> runs;
  private final Lookup<KfpRecurringRun> lookup;

  V2RecurringRuns(
      KfpTransport transport,
      KfpFeatures features,
      VersionFormats formats,
      KfpRecurringRuns argoJobs) {
    this.transport = transport;
    this.features = features;
    this.formats = formats;
    this.argoJobs = argoJobs;
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
    if (formats.of(run.pipelineId(), run.pipelineVersionId()) == PackageFormat.ARGO_WORKFLOW) {
      return argoJobs.create(run);
    }
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
            .and("sort_by", "created_at desc");
    if (!features.filtersRunsByRecurringRun()) {
      return runs.list(query, RUNS_SEARCHED).stream()
          .filter(run -> recurringRun.id().equals(run.recurringRunId()))
          .limit(limit)
          .toList();
    }
    return runs.list(
        query.and(
            "filter",
            ListFilter.in(ListFilter.Dialect.V2BETA1)
                .equalTo("recurring_run_id", recurringRun.id())
                .encoded()),
        limit);
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
