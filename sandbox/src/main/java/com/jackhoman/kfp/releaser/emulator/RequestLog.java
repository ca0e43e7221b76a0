package com.jackhoman.kfp.releaser.emulator;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The emulator's record of every request it received, in arrival order, for tests to assert on. */
public final class RequestLog {

  private final ConcurrentLinkedQueue<LoggedRequest> entries = new ConcurrentLinkedQueue<>();

  void record(LoggedRequest request) {
    entries.add(request);
  }

  /** Every request so far, oldest first. */
  public List<LoggedRequest> entries() {
    return List.copyOf(entries);
  }

  /** How many requests so far could have changed state (anything but GET and HEAD). */
  public long writeCount() {
    return entries.stream().filter(LoggedRequest::isWrite).count();
  }

  /** How many requests so far changed state (see {@link LoggedRequest#changedState()}). */
  public long changeCount() {
    return entries.stream().filter(LoggedRequest::changedState).count();
  }

  /** Forgets everything logged so far, so a test can assert on what happens next. */
  public void clear() {
    entries.clear();
  }
}
