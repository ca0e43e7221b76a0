package com.jackhoman.kfp.releaser;

import java.io.InputStream;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator image's command line: {@code run}, and the offline {@code validate} and {@code
 * render}; the full command line of the jar adds the sandbox and the emulator to it.
 */
@Command(
    name = "kfp-releaser",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Delivers Kubeflow Pipelines from git.")
public final class OperatorMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine(System.in, Clock.systemUTC()).execute(args));
  }

  /**
   * The operator's sub-commands, reading standard input from {@code stdin} and time from {@code
   * clock}.
   */
  public static CommandLine newCommandLine(InputStream stdin, Clock clock) {
    return new CommandLine(new OperatorMain())
        .addSubcommand(new ValidateCommand(stdin, clock))
        .addSubcommand(new RenderCommand(stdin))
        .addSubcommand(new RunCommand());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command");
  }
}
