package com.jackhoman.kfp.releaser.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the reconcilers keep KFP in sync: how often every object is re-checked against KFP (the drift
 * period, spread by a jitter so that checks do not bunch up), and the clock and randomness they
 * use.
 *
 * @param driftPeriod the mean time between two checks of one object against KFP
 * @param jitter the fraction, 0 to 1, by which each period is randomly shortened or lengthened
 * @param clock the time used for conditions, events and the age of listings
 * @param random the source of the jitter
 * @param kfpClock the time KFP's scheduler fires recurring runs by: the same as {@code clock}
 *     except against an emulated KFP whose time is moved by a test
 */
public record SyncSettings(
    Duration driftPeriod, double jitter, Clock clock, RandomGenerator random, Clock kfpClock) {

  /** Settings where KFP keeps the same time as the operator. */
  public SyncSettings(Duration driftPeriod, double jitter, Clock clock, RandomGenerator random) {
    this(driftPeriod, jitter, clock, random, clock);
  }

  /** The delay until the next check of one object: the drift period, jittered. */
  public Duration nextDriftCheck() {
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(1, Math.round(driftPeriod.toMillis() * factor)));
  }
}
