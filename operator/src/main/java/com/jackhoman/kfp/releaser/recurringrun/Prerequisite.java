package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;

/** A workflow node a RecurringRun's KFP recurring run waits for, able to say what it waits for. */
interface Prerequisite {

  /**
   * What {@code run} waits for while this node is not ready, e.g. a PipelineVersion to be Ready.
   */
  String awaited(RecurringRun run);
}
