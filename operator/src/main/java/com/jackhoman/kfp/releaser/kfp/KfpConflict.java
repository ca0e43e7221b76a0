package com.jackhoman.kfp.releaser.kfp;

/** KFP already has an object with that unique name (HTTP 409). */
public final class KfpConflict extends KfpException {

  public KfpConflict(int httpStatus, String message) {
    super(httpStatus, message, null);
  }
}
