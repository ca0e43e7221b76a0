package com.jackhoman.kfp.releaser.bench;

import java.time.Duration;

/**
 * The settings of one scale run: the latency the KFP emulator adds to each call, the operator's KFP
 * parallelism, the drift period, how long steady state is watched, how many one-more-object probes
 * run in each phase and how long convergence may take before the run gives up.
 *
 * @param latency added by the emulator to every KFP call (L)
 * @param parallelism the operator's KFP connection pool (P); it runs 2P reconcile threads
 * @param driftPeriod how often the operator re-checks each object against KFP
 * @param steadyState how long steady state is measured
 * @param probes how many one-more-object probes run while converging and again while idle
 * @param convergeTimeout how long the objects may take to become Ready
 */
public record ScaleOptions(
    Duration latency,
    int parallelism,
    Duration driftPeriod,
    Duration steadyState,
    int probes,
    Duration convergeTimeout) {}
