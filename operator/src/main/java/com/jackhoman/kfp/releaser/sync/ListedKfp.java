package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The operator's view of KFP: the client with lookups served by listings per namespace (and per
 * pipeline for versions) that are read at most once per drift period, so that checking N objects
 * costs a few list calls per namespace instead of N reads. Where the client acts in each namespace
 * with that namespace's own token ({@link KfpClient#in}), each namespace keeps its own listings,
 * read with its own token.
 */
public final class ListedKfp {

  private ListedKfp() {}

  /** {@code kfp} with listed lookups. */
  public static KfpClient over(KfpClient kfp, KfpTenancy tenancy, SyncSettings settings) {
    Map<String, Optional<KfpClient>> perNamespace = new ConcurrentHashMap<>();
    return listed(
        kfp,
        tenancy,
        settings,
        namespace ->
            perNamespace.computeIfAbsent(
                namespace,
                ns ->
                    kfp.actingIn()
                        .apply(ns)
                        .map(
                            scoped ->
                                listed(scoped, tenancy, settings, same -> Optional.empty()))));
  }

  private static KfpClient listed(
      KfpClient kfp,
      KfpTenancy tenancy,
      SyncSettings settings,
      Function<String, Optional<KfpClient>> actingIn) {
    ListedPipelineVersions versions = new ListedPipelineVersions(kfp.versions(), settings);
    return new KfpClient(
        kfp.api(),
        kfp.features(),
        new ListedPipelines(kfp.pipelines(), versions, settings),
        versions,
        new ListedRecurringRuns(kfp.recurringRuns(), tenancy, settings),
        new ListedExperiments(kfp.experiments(), settings),
        kfp.health(),
        kfp.connection(),
        actingIn);
  }
}
