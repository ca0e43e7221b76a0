package com.jackhoman.kfp.releaser.emulator;

/** The run states the emulator's runs pass through, named as v2beta1 names them. */
enum RunState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  /** The v1beta1 {@code status} string, as Argo phases read. */
  String v1Status() {
    return switch (this) {
      case PENDING -> "Pending";
      case RUNNING -> "Running";
      case SUCCEEDED -> "Succeeded";
      case FAILED -> "Failed";
    };
  }
}
