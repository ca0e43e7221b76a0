package com.jackhoman.kfp.releaser.sync;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.dependent.external.PerResourcePollingDependentResource;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The one KFP object of one object of ours, polled from KFP once per jittered drift period. What
 * the poll found is the secondary as it is: picking it never computes the desired state, which may
 * need objects already gone while ours is being deleted.
 *
 * @param <R> the KFP object
 * @param <P> our object
 */
public abstract class KfpPolledDependent<R, P extends HasMetadata>
    extends PerResourcePollingDependentResource<R, P, String> {

  private final SyncSettings settings;

  protected KfpPolledDependent(Class<R> kfpType, SyncSettings settings) {
    super(kfpType, settings.driftPeriod(), ResourceIDMapper.singleResourceResourceIDMapper());
    this.settings = settings;
  }

  @Override
  public Optional<Duration> fetchDelay(Set<R> lastFetched, P primary) {
    return Optional.of(settings.nextDriftCheck());
  }

  @Override
  protected Optional<R> selectTargetSecondaryResource(
      Set<R> secondaryResources, P primary, Context<P> context) {
    return secondaryResources.stream().findFirst();
  }
}
