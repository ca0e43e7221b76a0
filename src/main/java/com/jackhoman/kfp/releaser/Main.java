package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.emulator.EmulatorCommand;
import java.io.InputStream;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The kfp-releaser command line: one entry point with a sub-command per job. */
@Command(
    name = "kfp-releaser",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Delivers Kubeflow Pipelines from git.",
    subcommands = {})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    return new CommandLine(new Main())
        .addSubcommand(new ValidateCommand(stdin, clock))
        .addSubcommand(new RenderCommand(stdin))
        .addSubcommand(new EmulatorCommand())
        .addSubcommand(new RunCommand())
        .addSubcommand(new SandboxCommand(stdin, clock));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command");
  }
}
