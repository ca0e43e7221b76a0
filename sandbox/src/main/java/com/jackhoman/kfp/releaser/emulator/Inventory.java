package com.jackhoman.kfp.releaser.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Lists everything the emulator holds, kind by kind, for people to read. */
final class Inventory {

  private final PipelineStore pipelines;
  private final ExperimentStore experiments;
  private final RecordTable<StoredRecurringRun> recurringRuns;

  Inventory(
      PipelineStore pipelines,
      ExperimentStore experiments,
      RecordTable<StoredRecurringRun> recurringRuns) {
    this.pipelines = pipelines;
    this.experiments = experiments;
    this.recurringRuns = recurringRuns;
  }

  /** Pipelines, their versions, experiments and recurring runs, each sorted by name. */
  List<KfpObjectRow> rows() {
    List<KfpObjectRow> rows = new ArrayList<>();
    for (StoredPipeline pipeline : sorted(pipelines.pipelines(), StoredPipeline::name)) {
      rows.add(
          new KfpObjectRow(
              "Pipeline",
              pipeline.name(),
              pipeline.id(),
              pipelines.versionsOf(pipeline.id()).size() + " version(s)",
              pipeline.description(),
              tags(pipeline.tags())));
    }
    for (StoredPipeline pipeline : sorted(pipelines.pipelines(), StoredPipeline::name)) {
      for (StoredVersion version :
          sorted(pipelines.versionsOf(pipeline.id()), StoredVersion::name)) {
        rows.add(
            new KfpObjectRow(
                "PipelineVersion",
                version.name(),
                version.id(),
                "of " + pipeline.name(),
                version.description(),
                tags(version.tags())));
      }
    }
    for (StoredExperiment experiment : sorted(experiments.all(), StoredExperiment::name)) {
      rows.add(
          new KfpObjectRow(
              "Experiment",
              experiment.name(),
              experiment.id(),
              "",
              experiment.description(),
              Map.of()));
    }
    for (StoredRecurringRun run : sorted(recurringRuns.all(), StoredRecurringRun::displayName)) {
      Trigger trigger = run.trigger();
      rows.add(
          new KfpObjectRow(
              "RecurringRun",
              run.displayName(),
              run.id(),
              (run.enabled() ? "enabled" : "disabled")
                  + ", "
                  + (trigger == null
                      ? "no trigger"
                      : trigger.isCron()
                          ? "cron " + trigger.cron()
                          : "every " + trigger.intervalSeconds() + "s"),
              run.description(),
              Map.of()));
    }
    return rows;
  }

  private static Map<String, String> tags(Map<String, String> tags) {
    return tags == null ? Map.of() : Map.copyOf(tags);
  }

  private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }
}
