package com.jackhoman.kfp.releaser.status;

/** The condition types our objects report. */
public enum ConditionType {
  /** Whether the object exists in KFP as declared; always present. */
  Ready,
  /** Whether the KFP object was found deleted or changed outside the operator. */
  Drifted
}
