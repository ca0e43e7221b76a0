package com.jackhoman.kfp.releaser.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code kubectl} binary, pointed at one kubeconfig with its own cache directory. */
record Kubectl(Path kubeconfig, Path cacheDir) {

  /** What one run printed and how it ended. */
  record Result(int exitCode, String out, String err) {}

  /** Whether a {@code kubectl} is on the PATH. */
  static boolean isOnPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  /** Runs kubectl to completion (at most 60 s). */
  Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs kubectl with {@code stdin} as its standard input. */
  Result runWithInput(String stdin, String... args) {
    try {
      Process process = start(args);
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      return finish(process, 60);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts kubectl and returns at once, e.g. for {@code wait} or {@code delete}. */
  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** Waits for a started kubectl and collects its output. */
  static Result finish(Process process, int timeoutSeconds) {
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl did not finish within " + timeoutSeconds + " s");
      }
      return new Result(
          process.exitValue(),
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for kubectl", e);
    }
  }
}
