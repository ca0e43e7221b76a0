package com.jackhoman.kfp.releaser.kfp;

import java.time.Duration;
import java.util.Optional;

/**
 * KFP could not be reached or failed on its side (5xx, timeout, connection refused): worth a retry.
 * When the request reached KFP but no answer came back (a read timeout, a connection lost after
 * sending), KFP may still carry it out: {@link #inDoubtAfter()} then says how long the call waited.
 */
public final class KfpUnavailable extends KfpException {

  private final transient Optional<Duration> inDoubtAfter;

  public KfpUnavailable(int httpStatus, String message) {
    super(httpStatus, message, null);
    this.inDoubtAfter = Optional.empty();
  }

  public KfpUnavailable(String message, Throwable cause) {
    this(message, cause, Optional.empty());
  }

  /** A call whose outcome is unknown: sent, and unanswered after {@code waited}, if present. */
  public KfpUnavailable(String message, Throwable cause, Optional<Duration> inDoubtAfter) {
    super(0, message, cause);
    this.inDoubtAfter = inDoubtAfter;
  }

  /**
   * How long the call waited before giving up, when KFP may have received it and may still carry it
   * out; empty when KFP surely did not (it answered, or was never reached).
   */
  public Optional<Duration> inDoubtAfter() {
    return inDoubtAfter;
  }
}
