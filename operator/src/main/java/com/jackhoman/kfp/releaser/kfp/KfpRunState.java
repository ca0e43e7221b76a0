package com.jackhoman.kfp.releaser.kfp;

import java.util.Locale;

/** The state of a run in our words, read from v2 run states and v1 (Argo) phases alike. */
public enum KfpRunState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  SKIPPED,
  FAILED,
  CANCELING,
  CANCELED,
  PAUSED,
  UNKNOWN;

  /** Reads a KFP state or Argo phase such as {@code "SUCCEEDED"} or {@code "Error"}. */
  public static KfpRunState parse(String wire) {
    if (wire == null || wire.isBlank()) {
      return UNKNOWN;
    }
    String upper = wire.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "ERROR" -> FAILED;
      case "TERMINATING" -> CANCELING;
      case "TERMINATED" -> CANCELED;
      default -> {
        try {
          yield valueOf(upper);
        } catch (IllegalArgumentException unknownState) {
          yield UNKNOWN;
        }
      }
    };
  }
}
