package com.jackhoman.kfp.releaser.sync.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.emulator.SettableClock;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.KfpRunState;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentRunReadsTest {

  private static final Instant MIDNIGHT = Instant.parse("2026-11-25T00:00:00Z");

  private final SettableClock clock = new SettableClock(MIDNIGHT.plus(Duration.ofHours(3)));
  private final RecentRunReads reads = new RecentRunReads(clock);
  private final AtomicInteger kfpReads = new AtomicInteger();

  @Test
  void aNightlyRecurringRunIsReadOnceBetweenTwoNightsAndAgainAfterItFired() {
    KfpRecurringRun nightly = recurringRun(true, "0 0 2 * * *");
    List<KfpRun> finished = List.of(run(Optional.of(MIDNIGHT.plus(Duration.ofHours(2)))));

    for (int check = 0; check < 10; check++) {
      assertThat(read(nightly, finished)).isEqualTo(finished);
      clock.advance(Duration.ofHours(2));
    }
    assertThat(kfpReads).as("reads from 03:00 to 23:00").hasValue(1);

    clock.set(MIDNIGHT.plus(Duration.ofHours(26)).plusSeconds(30));
    read(nightly, finished);
    assertThat(kfpReads).as("after the next night's 02:00").hasValue(2);
  }

  @Test
  void aRunStillGoingIsReadAgainAtEveryCheck() {
    KfpRecurringRun nightly = recurringRun(true, "0 0 2 * * *");
    List<KfpRun> going = List.of(run(Optional.empty()));

    read(nightly, going);
    clock.advance(Duration.ofMinutes(5));
    read(nightly, going);

    assertThat(kfpReads).hasValue(2);
  }

  @Test
  void aRecurringRunThatChangedIsReadAgain() {
    List<KfpRun> none = List.of();
    read(recurringRun(true, "0 0 2 * * *"), none);
    read(recurringRun(false, "0 0 2 * * *"), none);

    assertThat(kfpReads).hasValue(2);
  }

  @Test
  void aRecurringRunJustMadeIsNotReadUntilItFires() {
    KfpRecurringRun nightly = recurringRun(true, "0 0 2 * * *");
    reads.madeNow(nightly);

    assertThat(read(nightly, List.of())).isEmpty();
    assertThat(kfpReads).hasValue(0);

    clock.set(MIDNIGHT.plus(Duration.ofHours(26)).plusSeconds(30));
    read(nightly, List.of());
    assertThat(kfpReads).hasValue(1);
  }

  private List<KfpRun> read(KfpRecurringRun recurringRun, List<KfpRun> answer) {
    return reads.of(
        recurringRun,
        () -> {
          kfpReads.incrementAndGet();
          return answer;
        });
  }

  private static KfpRecurringRun recurringRun(boolean enabled, String cron) {
    return new KfpRecurringRun(
        "rr-1",
        "team/nightly",
        "",
        Optional.empty(),
        "exp-1",
        "p-1",
        "v-1",
        new KfpTrigger.Cron(cron, Optional.empty(), Optional.empty()),
        Map.of(),
        1,
        true,
        enabled,
        "",
        MIDNIGHT);
  }

  private static KfpRun run(Optional<Instant> finishedAt) {
    return new KfpRun(
        "run-1",
        "nightly",
        "rr-1",
        finishedAt.isPresent() ? KfpRunState.SUCCEEDED : KfpRunState.RUNNING,
        MIDNIGHT.plus(Duration.ofHours(2)),
        finishedAt);
  }
}
