package com.jackhoman.kfp.releaser.kfp;

/** KFP's health endpoint: is the server up, and what is it. */
public interface KfpHealth {

  /** Asks the server about itself, or {@link KfpUnavailable}. */
  KfpServerInfo check();
}
