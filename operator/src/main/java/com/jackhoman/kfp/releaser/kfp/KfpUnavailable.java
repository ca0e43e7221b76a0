package com.jackhoman.kfp.releaser.kfp;

/**
 * KFP could not be reached or failed on its side (5xx, timeout, connection refused): worth a retry.
 */
public final class KfpUnavailable extends KfpException {

  public KfpUnavailable(int httpStatus, String message) {
    super(httpStatus, message, null);
  }

  public KfpUnavailable(String message, Throwable cause) {
    super(0, message, cause);
  }
}
