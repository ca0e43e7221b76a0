package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * Creates experiments as KFP does in either mode: the namespace is forced empty in single-user mode
 * and required in multi-user mode; an empty name fails as the converter fails (500).
 */
final class ExperimentIntake {

  private ExperimentIntake() {}

  static StoredExperiment create(
      KfpState state, String name, String description, String namespace) {
    if (name.isEmpty()) {
      throw KfpError.internal("Failed to convert experiment: experiment name is empty");
    }
    if (state.multiUser() && namespace.isEmpty()) {
      throw KfpError.invalidArgument(
          "Invalid input error: An experiment cannot have an empty namespace in multi-user mode");
    }
    return state
        .experiments()
        .add(
            new StoredExperiment(
                state.ids().next(),
                name,
                description,
                state.multiUser() ? namespace : "",
                state.clock().instant()));
  }

  /** When the last run of the experiment was created, if any. */
  static Instant lastRunCreatedAt(KfpState state, String experimentId) {
    Optional<Instant> last =
        state.runs().all().stream()
            .filter(run -> experimentId.equals(run.experimentId()))
            .map(StoredRun::createdAt)
            .max(Instant::compareTo);
    return last.orElse(null);
  }
}
