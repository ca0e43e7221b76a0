package com.jackhoman.kfp.releaser.kfp;

/**
 * KFP did not accept the caller's identity or denied it access (HTTP 401, 403, or a redirect to a
 * login), or its token could not be read.
 */
public final class KfpUnauthorized extends KfpException {

  public KfpUnauthorized(int httpStatus, String message) {
    super(httpStatus, message, null);
  }
}
