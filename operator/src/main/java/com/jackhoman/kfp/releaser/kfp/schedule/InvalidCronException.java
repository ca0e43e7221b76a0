package com.jackhoman.kfp.releaser.kfp.schedule;

/** Checked exception saying which cron field KFP would refuse and why. */
public final class InvalidCronException extends Exception {

  /** Creates the exception with a message naming the field and the problem. */
  public InvalidCronException(String message) {
    super(message);
  }
}
