package com.jackhoman.kfp.releaser.sync;

import java.time.Clock;
import java.time.Duration;

/**
 * How the reconcilers keep KFP in sync: how often KFP is polled for every kind (the drift period),
 * and the clocks they use.
 *
 * @param driftPeriod the time between two polls of KFP for one kind
 * @param clock the time used for conditions, events and the waits of creates in doubt
 * @param kfpClock the time KFP's scheduler fires recurring runs by: the same as {@code clock}
 *     except against an emulated KFP whose time is moved by a test
 */
public record SyncSettings(Duration driftPeriod, Clock clock, Clock kfpClock) {

  /** Settings where KFP keeps the same time as the operator. */
  public SyncSettings(Duration driftPeriod, Clock clock) {
    this(driftPeriod, clock, clock);
  }
}
