package com.jackhoman.kfp.releaser.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiments with KFP's rules: names unique per namespace, and the default experiment cannot be
 * deleted.
 */
final class ExperimentStore {

  private final Map<String, StoredExperiment> experiments = new LinkedHashMap<>();
  private String defaultExperimentId;

  synchronized StoredExperiment add(StoredExperiment experiment) {
    boolean taken =
        experiments.values().stream()
            .anyMatch(
                e ->
                    e.name().equals(experiment.name())
                        && e.namespace().equals(experiment.namespace()));
    if (taken) {
      throw KfpError.alreadyExists(
          "Failed to create a new experiment: Already exist error: Failed to create a new"
              + " experiment. The name "
              + experiment.name()
              + " already exists. Please specify a new name");
    }
    experiments.put(experiment.id(), experiment);
    return experiment;
  }

  /** Adds the single-user {@code Default} experiment that runs fall back to. */
  synchronized StoredExperiment addDefault(StoredExperiment experiment) {
    add(experiment);
    defaultExperimentId = experiment.id();
    return experiment;
  }

  synchronized String defaultExperimentId() {
    if (defaultExperimentId == null) {
      throw KfpError.invalidArgument("Experiment id is required in multi-user mode");
    }
    return defaultExperimentId;
  }

  synchronized StoredExperiment get(String id) {
    StoredExperiment experiment = experiments.get(id);
    if (experiment == null) {
      throw KfpError.notFound("ResourceNotFoundError: Experiment " + id + " not found");
    }
    return experiment;
  }

  synchronized List<StoredExperiment> all() {
    return List.copyOf(experiments.values());
  }

  synchronized void delete(String id) {
    get(id);
    if (id.equals(defaultExperimentId)) {
      // resource_manager.go DeleteExperiment: a BadRequestError (gRPC ABORTED), wrapped by
      // experiment_server.go DeleteExperiment; the message is the whole chain (2.17.0)
      throw KfpError.aborted(
          "Failed to delete experiment: BadRequestError: Failed to delete experiment "
              + id
              + ". The default experiment cannot be deleted: Invalid input error: Experiment id"
              + " cannot be equal to the default id "
              + id);
    }
    experiments.remove(id);
  }
}
