package com.jackhoman.kfp.releaser;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the operator logs while a test runs: slf4j-simple writes to standard error, so this copies
 * standard error aside (still printing it) until closed.
 */
public final class CapturedLog implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private CapturedLog() {
    System.setErr(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
  }

  /** Starts capturing. */
  public static CapturedLog start() {
    return new CapturedLog();
  }

  /** Everything logged since the start. */
  public String text() {
    System.err.flush();
    return copy.toString(StandardCharsets.UTF_8);
  }

  /** Stops capturing and restores standard error. */
  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }

  /** Writes every byte to two streams. */
  private static final class Tee extends OutputStream {
    private final PrintStream first;
    private final ByteArrayOutputStream second;

    Tee(PrintStream first, ByteArrayOutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) {
      second.write(b);
      first.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      second.write(bytes, offset, length);
      first.write(bytes, offset, length);
    }
  }
}
