package com.jackhoman.kfp.releaser.kfp;

/**
 * The one family of failures a KFP call can end with, so callers can tell terminal from transient.
 */
public abstract sealed class KfpException extends RuntimeException
    permits KfpNotFound, KfpConflict, KfpRejected, KfpUnauthorized, KfpUnavailable {

  private final int httpStatus;

  KfpException(int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status KFP answered with, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }
}
