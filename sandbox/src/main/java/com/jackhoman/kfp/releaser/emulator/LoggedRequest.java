package com.jackhoman.kfp.releaser.emulator;

import java.time.Instant;

/**
 * One request the emulator answered: method, path without query, the status sent (0 when the
 * response was dropped) and the emulator clock's time.
 */
public record LoggedRequest(String method, String path, int status, Instant time) {

  /** Whether the request could change state: anything but GET and HEAD. */
  public boolean isWrite() {
    return !"GET".equals(method) && !"HEAD".equals(method);
  }

  /**
   * Whether the request changed state: a write that succeeded, or whose response was dropped after
   * the change was committed (a refused one, such as a 409 on a taken name, changed nothing).
   */
  public boolean changedState() {
    return isWrite() && status < 300;
  }
}
