package com.jackhoman.kfp.releaser.kfp;

/** KFP refused the request as invalid (HTTP 400 and other 4xx); the message is KFP's own. */
public final class KfpRejected extends KfpException {

  public KfpRejected(int httpStatus, String message) {
    super(httpStatus, message, null);
  }
}
