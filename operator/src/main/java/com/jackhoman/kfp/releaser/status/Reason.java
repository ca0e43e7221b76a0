package com.jackhoman.kfp.releaser.status;

/**
 * The closed set of reasons a condition of ours may carry, and whether each ends retrying until the
 * spec changes.
 */
public enum Reason {
  /** The object exists in KFP as declared. */
  Synced(false),
  /** A paused RecurringRun: it exists in KFP, disabled. */
  Suspended(false),
  /** The object waits for another object (named in the message) to become Ready. */
  Waiting(false),
  /** The operator is creating or replacing the KFP object. */
  Progressing(false),
  /** KFP could not be reached or failed (5xx, timeout, refused connection); retried. */
  KfpUnavailable(false),
  /** The object is being deleted and waits for what must go first. */
  Deleting(false),
  /** The KFP object was deleted or changed outside the operator; it is being repaired. */
  Drifted(false),
  /** A drift was found and repaired; the Drifted condition's message says what and when. */
  Repaired(false),
  /** An event's: duplicates a late answer or an interrupted handover left in KFP were removed. */
  DuplicatesRemoved(false),
  /**
   * The KFP release the operator talks to cannot keep what the spec asks for (the message says what
   * and what to do); looked at again on every resync, so upgrading KFP is enough.
   */
  UnsupportedByKfp(false),
  /** The spec cannot work (bad package, unknown parameter); fix the spec. */
  InvalidSpec(true),
  /** KFP refused the request (HTTP 400) with the message shown; fix the spec. */
  Rejected(true),
  /** A KFP object of the same name belongs to another object or to nobody; nothing was touched. */
  NotOwned(true),
  /** KFP reports a conflict the operator cannot resolve by itself. */
  Conflict(true);

  private final boolean terminal;

  Reason(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when retrying cannot help: the operator waits for the spec to change. */
  public boolean terminal() {
    return terminal;
  }
}
