package com.jackhoman.kfp.releaser.sync.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PollingConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KfpPollingEventSourceTest {

  private final ResourceID team = new ResourceID("team", "ns");
  private final ResourceID other = new ResourceID("other", "ns");
  private final CountDownLatch fetching = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final KfpPollingEventSource<String, Experiment> source =
      new KfpPollingEventSource<>(
          String.class,
          new PollingConfiguration<>(
              "test",
              () -> {
                fetching.countDown();
                await(release);
                return Map.of(team, Set.of("listed-before-the-write"), other, Set.of("other"));
              },
              Duration.ofHours(1),
              value -> value));

  @AfterEach
  void stop() {
    release.countDown();
    source.stop();
  }

  @Test
  void aWriteDuringAPollNeitherWaitsForItNorIsUndoneByIt() throws Exception {
    source.setEventHandler(event -> {});
    CompletableFuture<Void> poll = CompletableFuture.runAsync(source::start);
    assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> write =
        CompletableFuture.runAsync(() -> source.handleRecentResourceCreate(team, "created"));
    write.get(5, TimeUnit.SECONDS);
    assertThat(poll).isNotDone();
    release.countDown();
    poll.get(10, TimeUnit.SECONDS);

    assertThat(source.getSecondaryResources(team)).containsExactly("created");
    assertThat(source.getSecondaryResources(other)).containsExactly("other");
  }

  @Test
  void anUpdateOfAnObjectFoundPastTheCacheReplacesWhatWasCached() {
    pollOnce();

    source.handleRecentResourceUpdate(team, "found-by-name", "found-by-name-before");

    assertThat(source.getSecondaryResource(team)).contains("found-by-name");
  }

  @Test
  void aCreateNextToACachedObjectLeavesOnlyTheCreatedOne() {
    pollOnce();

    source.handleRecentResourceCreate(team, "created");

    assertThat(source.getSecondaryResource(team)).contains("created");
  }

  @Test
  void anUpdateForAnObjectWithNothingCachedIsCached() {
    source.handleRecentResourceUpdate(team, "updated", "before");

    assertThat(source.getSecondaryResource(team)).contains("updated");
  }

  /** Starts the source, whose first poll then runs to the end. */
  private void pollOnce() {
    source.setEventHandler(event -> {});
    release.countDown();
    source.start();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
