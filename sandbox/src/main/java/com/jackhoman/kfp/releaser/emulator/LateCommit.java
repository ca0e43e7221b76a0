package com.jackhoman.kfp.releaser.emulator;

/**
 * When a call answered too late for its client takes effect: what a slow KFP server does with a
 * request whose client has given up. KFP's API server (backend/src/apiserver, v2.x) carries a
 * request out in its handler with no tie to the client's connection, so each of the three happens:
 * the write is stored and the answer is what is slow, the server is slow to get to the write, or
 * the server fails before it stores anything.
 */
public enum LateCommit {
  /** The write is stored at once; only the answer comes late. */
  BEFORE_DELAY,
  /** The write is stored once the delay is over, after the client may have looked and retried. */
  AFTER_DELAY,
  /** The write is never stored; the late answer is a 503. */
  NEVER
}
