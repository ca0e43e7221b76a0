package com.jackhoman.kfp.releaser.validate;

/**
 * A problem with one field of one object, worded as kube-apiserver words it, so that {@code
 * validate} and the cluster say the same thing.
 *
 * @param field the field path, e.g. {@code spec.parameters[1]}
 * @param reason kube-apiserver's cause reason, e.g. {@code FieldValueRequired}
 * @param message the message without the field, e.g. {@code Required value}
 */
public record FieldError(String field, String reason, String message) {

  /** A field the schema does not know; kube-apiserver refuses it under strict field validation. */
  public static final String UNKNOWN_FIELD = "FieldValueUnknown";

  /** A value that breaks a rule. */
  public static final String INVALID = "FieldValueInvalid";

  /** The one-line form kube-apiserver uses in its causes: {@code field: message}. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
