package com.jackhoman.kfp.releaser.emulator;

/** Which KFP REST generations an emulator serves. */
public enum ServedApis {
  V1BETA1,
  V2BETA1,
  BOTH;

  boolean v1() {
    return this != V2BETA1;
  }

  boolean v2() {
    return this != V1BETA1;
  }
}
