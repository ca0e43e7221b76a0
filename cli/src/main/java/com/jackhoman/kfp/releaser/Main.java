package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.emulator.EmulatorCommand;
import java.io.InputStream;
import java.time.Clock;
import picocli.CommandLine;

/**
 * The kfp-releaser jar's command line: the operator's sub-commands ({@link OperatorMain}) plus the
 * sandbox and the KFP emulator, which only the jar carries (the operator image does not).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Builds the command line with every sub-command wired to the real world. */
  public static CommandLine newCommandLine() {
    return newCommandLine(System.in, Clock.systemUTC());
  }

  /**
   * Builds the command line reading standard input from {@code stdin} and time from {@code clock}.
   */
  static CommandLine newCommandLine(InputStream stdin, Clock clock) {
    return OperatorMain.newCommandLine(stdin, clock)
        .addSubcommand(new EmulatorCommand())
        .addSubcommand(new SandboxCommand(stdin, clock));
  }
}
