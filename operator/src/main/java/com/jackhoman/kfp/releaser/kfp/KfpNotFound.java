package com.jackhoman.kfp.releaser.kfp;

/** The KFP object asked for does not exist (HTTP 404). */
public final class KfpNotFound extends KfpException {

  public KfpNotFound(int httpStatus, String message) {
    super(httpStatus, message, null);
  }
}
