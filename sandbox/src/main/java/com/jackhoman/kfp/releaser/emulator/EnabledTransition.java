package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;

/**
 * A recurring run starting or stopping to schedule runs: created enabled, enabled, disabled, or
 * deleted while enabled; what a test replays to see how many were enabled at any moment.
 *
 * @param sequence the order of the transition among all recurring-run changes, from 0
 * @param at when it happened, on the emulator's clock
 * @param id the recurring run's id
 * @param description its description (where the operator writes its owner mark)
 * @param enabled whether it schedules runs after the transition
 */
public record EnabledTransition(
    long sequence, Instant at, String id, String description, boolean enabled) {}
