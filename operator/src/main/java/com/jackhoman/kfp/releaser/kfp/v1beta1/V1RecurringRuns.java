package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.KfpRunState;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.kfp.http.KfpJson;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KfpRecurringRuns} on v1beta1 jobs: owner mark in the description, experiment and pinned
 * version as resource references, Argo string parameters ({@code runtime_config} for a KFP v2
 * package, the only ones KFP 2.x reads for it: template/v2_template.go {@code ScheduledWorkflow}),
 * {@code enabled} flag.
 */
final class V1RecurringRuns implements KfpRecurringRuns {

  private static final String JOBS = "/apis/v1beta1/jobs";

  /** How many of an experiment's latest runs are searched where KFP cannot filter by job. */
  private static final int RUNS_SEARCHED = 1_000;

  private final KfpTransport transport;
  private final KfpFeatures features;
  private final VersionFormats formats;
  private final RestCollection<V1Wire.Job, V1Wire.Jobs, KfpRecurringRun> jobs;
  private final RestCollection<V1Wire.Run, V1Wire.Runs, V1Wire.Run> runs;
  private final Lookup<KfpRecurringRun> lookup;

  V1RecurringRuns(KfpTransport transport, KfpFeatures features, VersionFormats formats) {
    this.transport = transport;
    this.features = features;
    this.formats = formats;
    this.jobs =
        new RestCollection<>(
            transport,
            JOBS,
            V1Wire.Job.class,
            V1Wire.Jobs.class,
            page -> new Page<>(page.jobs(), page.nextPageToken()),
            V1RecurringRuns::toRecurringRun);
    this.runs =
        new RestCollection<>(
            transport,
            "/apis/v1beta1/runs",
            V1Wire.Run.class,
            V1Wire.Runs.class,
            page -> new Page<>(page.runs(), page.nextPageToken()),
            run -> run);
    this.lookup =
        new Lookup<>(
            ListFilter.Dialect.V1BETA1,
            "name",
            MarkPlace.DESCRIPTION,
            (namespace, filter) -> jobs.list(V1Scope.namespace(namespace), filter),
            KfpRecurringRun::owner);
  }

  @Override
  public List<KfpRecurringRun> list(String namespace) {
    return lookup.all(namespace);
  }

  @Override
  public List<KfpRecurringRun> findOwnedBy(String namespace, OwnerMark owner) {
    if (!features.filtersJobsByDescription()) {
      return lookup.all(namespace).stream().filter(job -> owner.is(job.owner())).toList();
    }
    return lookup.ownedBy(namespace, owner);
  }

  @Override
  public List<KfpRecurringRun> findByName(String namespace, String name) {
    return lookup.named(namespace, name);
  }

  @Override
  public KfpRecurringRun get(String id) {
    return jobs.get(id);
  }

  @Override
  public KfpRecurringRun create(NewRecurringRun run) {
    boolean argo =
        formats.of(run.pipelineId(), run.pipelineVersionId()) == PackageFormat.ARGO_WORKFLOW;
    V1Wire.PipelineSpec spec =
        argo
            ? new V1Wire.PipelineSpec(
                null,
                run.parameters().entrySet().stream()
                    .map(p -> new V1Wire.Parameter(p.getKey(), asArgoString(p.getValue())))
                    .toList(),
                null)
            : new V1Wire.PipelineSpec(null, null, new V1Wire.RuntimeConfig(run.parameters()));
    V1Wire.Job body =
        new V1Wire.Job(
            null,
            run.name(),
            run.owner().appendTo(run.description()),
            spec,
            List.of(
                V1Wire.ResourceReference.of("EXPERIMENT", run.experimentId(), "OWNER"),
                V1Wire.ResourceReference.of(
                    "PIPELINE_VERSION", run.pipelineVersionId(), "CREATOR")),
            run.serviceAccount(),
            (long) run.maxConcurrency(),
            TriggerWire.of(run.trigger()),
            run.enabled(),
            run.noCatchup(),
            null);
    return jobs.create(body);
  }

  @Override
  public void setEnabled(String id, boolean enabled) {
    transport.post(
        JOBS + "/" + PathSegment.of(id) + (enabled ? "/enable" : "/disable"), null, Void.class);
  }

  @Override
  public void delete(String id) {
    jobs.delete(id, Query.none());
  }

  @Override
  public List<KfpRun> recentRuns(KfpRecurringRun recurringRun, int limit) {
    List<V1Wire.Run> found;
    if (features.scopesRunsByJob()) {
      found =
          runs.list(
              V1Scope.reference("JOB", recurringRun.id()).and("sort_by", "created_at desc"), limit);
    } else if (!features.filtersRunsByRecurringRun()) {
      found =
          runs
              .list(
                  V1Scope.reference("EXPERIMENT", recurringRun.experimentId())
                      .and("sort_by", "created_at desc"),
                  RUNS_SEARCHED)
              .stream()
              .filter(
                  run ->
                      V1Wire.ResourceReference.idOf(run.resourceReferences(), "JOB")
                          .filter(recurringRun.id()::equals)
                          .isPresent())
              .limit(limit)
              .toList();
    } else {
      found =
          runs.list(
              V1Scope.reference("EXPERIMENT", recurringRun.experimentId())
                  .and("sort_by", "created_at desc")
                  .and(
                      "filter",
                      ListFilter.in(ListFilter.Dialect.V1BETA1)
                          .equalTo("recurring_run_id", recurringRun.id())
                          .encoded()),
              limit);
    }
    return found.stream()
        .map(
            run ->
                new KfpRun(
                    run.id(),
                    run.name(),
                    V1Wire.ResourceReference.idOf(run.resourceReferences(), "JOB")
                        .orElse(recurringRun.id()),
                    KfpRunState.parse(run.status()),
                    run.createdAt(),
                    Optional.ofNullable(run.finishedAt())))
        .toList();
  }

  /** Argo parameters are strings: text stays as it is, anything else is written as JSON. */
  private static String asArgoString(Object value) {
    return value instanceof String text ? text : KfpJson.GSON.toJson(value);
  }

  private static KfpRecurringRun toRecurringRun(V1Wire.Job wire) {
    Optional<V1Wire.PipelineSpec> spec = Optional.ofNullable(wire.pipelineSpec());
    Map<String, Object> parameters = new LinkedHashMap<>();
    spec.map(V1Wire.PipelineSpec::parameters)
        .orElse(List.of())
        .forEach(p -> parameters.put(p.name(), Optional.ofNullable(p.value()).orElse("")));
    spec.map(V1Wire.PipelineSpec::runtimeConfig)
        .map(V1Wire.RuntimeConfig::parameters)
        .ifPresent(parameters::putAll);
    List<V1Wire.ResourceReference> references = wire.resourceReferences();
    return new KfpRecurringRun(
        wire.id(),
        wire.name(),
        OwnerMark.stripFrom(wire.description()),
        OwnerMark.fromDescription(wire.description()),
        V1Wire.ResourceReference.idOf(references, "EXPERIMENT").orElse(null),
        V1Wire.ResourceReference.idOf(references, "PIPELINE")
            .or(() -> spec.map(V1Wire.PipelineSpec::pipelineId))
            .orElse(null),
        V1Wire.ResourceReference.idOf(references, "PIPELINE_VERSION").orElse(null),
        wire.trigger().toTrigger(),
        parameters,
        Optional.ofNullable(wire.maxConcurrency()).orElse(0L).intValue(),
        Boolean.TRUE.equals(wire.noCatchup()),
        Boolean.TRUE.equals(wire.enabled()),
        wire.serviceAccount(),
        wire.createdAt());
  }
}
