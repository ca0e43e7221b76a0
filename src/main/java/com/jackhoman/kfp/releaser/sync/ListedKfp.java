package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpClient;

/**
 * The operator's view of KFP: the client with lookups served by listings per namespace (and per
 * pipeline for versions) that are read at most once per drift period, so that checking N objects
 * costs a few list calls per namespace instead of N reads.
 */
public final class ListedKfp {

  private ListedKfp() {}

  /** {@code kfp} with listed lookups. */
  public static KfpClient over(KfpClient kfp, KfpTenancy tenancy, SyncSettings settings) {
    ListedPipelineVersions versions = new ListedPipelineVersions(kfp.versions(), settings);
    return new KfpClient(
        kfp.api(),
        new ListedPipelines(kfp.pipelines(), versions, settings),
        versions,
        new ListedRecurringRuns(kfp.recurringRuns(), tenancy, settings),
        new ListedExperiments(kfp.experiments(), settings),
        kfp.health(),
        kfp.connection());
  }
}
