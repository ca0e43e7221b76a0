package com.jackhoman.kfp.releaser;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * One run of the kfp-releaser command line in this JVM, with what it printed.
 *
 * @param exitCode the exit status
 * @param out what it wrote to standard output
 * @param err what it wrote to standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /** The instant every test run of the CLI sees as now. */
  public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /** Runs the CLI with empty standard input. */
  public static CliRun of(String... args) {
    return withStdin("", args);
  }

  /** Runs the CLI with {@code stdin} as standard input. */
  public static CliRun withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        Main.newCommandLine(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
