package com.jackhoman.kfp.releaser.validate;

/**
 * One thing wrong with the checked manifests, located as precisely as we can.
 *
 * @param source the file it is in
 * @param object the object it is about, e.g. {@code RecurringRun team-a/nightly}; empty when the
 *     problem is about the file itself
 * @param field the field path, e.g. {@code spec.schedule.cron}; empty when about the whole object
 * @param message what is wrong and, where we know, what to do
 * @param severity whether it fails the check
 */
public record Problem(
    String source, String object, String field, String message, Severity severity) {

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The one-line form: {@code FILE: Kind namespace/name: field: message}. */
  public String toLine() {
    StringBuilder line = new StringBuilder(source).append(": ");
    if (!object.isEmpty()) {
      line.append(object).append(": ");
    }
    if (!field.isEmpty()) {
      line.append(field).append(": ");
    }
    if (severity == Severity.WARNING) {
      line.append("warning: ");
    }
    return line.append(message).toString();
  }
}
