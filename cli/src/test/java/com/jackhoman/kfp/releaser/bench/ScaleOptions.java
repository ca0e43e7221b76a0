package com.jackhoman.kfp.releaser.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings of one scale run: the latency the KFP emulator adds to each call, the operator's KFP
 * parallelism, the drift period, how long steady state is watched, how many one-more-object probes
 * run in each phase, how long convergence may take before the run gives up, and where it runs.
 *
 * @param latency added by the emulator to every KFP call (L)
 * @param parallelism the operator's KFP connection pool (P); it runs as many reconcile threads
 * @param driftPeriod how often the operator re-checks each object against KFP
 * @param steadyState how long steady state is measured
 * @param probes how many one-more-object probes run while converging and again while idle
 * @param convergeTimeout how long the objects may take to become Ready
 * @param kubeconfig the cluster to run against; empty for a fresh embedded API each time
 */
public record ScaleOptions(
    Duration latency,
    int parallelism,
    Duration driftPeriod,
    Duration steadyState,
    int probes,
    Duration convergeTimeout,
    Optional<Path> kubeconfig) {}
