package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code --release} option of {@code kfp-emulator}: listed ids, and a clear usage error. */
class ReleaseOptionTest {

  @Test
  void helpListsEveryReleaseId() {
    StringWriter out = new StringWriter();
    new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out)).execute("--help");

    for (ReleaseProfile release : ReleaseProfile.values()) {
      assertThat(out.toString()).contains(release.id());
    }
  }

  @Test
  void anUnknownReleaseIsAUsageErrorWithoutStackTrace() {
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new EmulatorCommand())
            .setErr(new PrintWriter(err))
            .execute("--release", "2.3.0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown KFP release '2.3.0'; accepted: 1.8.5, 2.0.5")
        .doesNotContain("\tat ");
  }
}
