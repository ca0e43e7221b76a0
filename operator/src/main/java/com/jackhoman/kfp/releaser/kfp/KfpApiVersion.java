package com.jackhoman.kfp.releaser.kfp;

/** The KFP REST generation a client speaks. */
public enum KfpApiVersion {
  V1BETA1,
  V2BETA1
}
