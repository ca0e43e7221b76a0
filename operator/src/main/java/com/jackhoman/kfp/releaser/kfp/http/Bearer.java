package com.jackhoman.kfp.releaser.kfp.http;

/** Where a transport takes the bearer token of its next request from. */
interface Bearer {

  /** The token to send now. */
  String current();

  /** KFP answered 401 to {@code refused}: true when a different token is now worth a retry. */
  boolean renewAfterRejection(String refused);
}
