package com.jackhoman.kfp.releaser.sandbox;

/**
 * Where one applied object stands: Ready, failed for good, or still on its way.
 *
 * @param object the object
 * @param ready whether its Ready condition holds
 * @param settled whether it will not change by itself any more (Ready, or failed terminally)
 * @param reason the Ready condition's reason, or why it was refused
 * @param message the Ready condition's message, or the API server's refusal
 */
public record ObjectState(
    AppliedObject object, boolean ready, boolean settled, String reason, String message) {}
