package com.jackhoman.kfp.releaser.runtime;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica may write to KFP: only between starting to lead and stopping. JOSDK's leader
 * election tells the operator it lost the Lease once it could not renew it within the renew
 * deadline, before another replica may take it over; from then on no KFP write is sent, even by a
 * reconcile still running (JOSDK 5.2.3's {@code LeaderElectionManager.stopLeading} exits the
 * process or, in tests, lets the reconcilers go on).
 */
public final class LeaseFence implements BooleanSupplier {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseFence.class);

  private volatile boolean leading;

  /** Open while leading. */
  @Override
  public boolean getAsBoolean() {
    return leading;
  }

  /**
   * The callbacks that open and close the fence, then run {@code also}'s.
   *
   * @param also further callbacks, e.g. a test's record of who led
   */
  public LeaderCallbacks callbacks(LeaderCallbacks also) {
    return new LeaderCallbacks(
        () -> {
          leading = true;
          also.onStartLeading();
        },
        () -> {
          leading = false;
          LOG.info("Lost the Lease: this replica sends no more KFP writes");
          also.onStopLeading();
        },
        also::onNewLeader);
  }
}
