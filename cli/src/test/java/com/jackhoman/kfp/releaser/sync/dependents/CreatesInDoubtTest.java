package com.jackhoman.kfp.releaser.sync.dependents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.emulator.SettableClock;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A create that got no answer is waited out before the object is created again or let go. */
class CreatesInDoubtTest {

  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final CreatesInDoubt creates = new CreatesInDoubt(clock, "pipeline");
  private final Pipeline pipeline = pipeline();
  private final AtomicInteger sent = new AtomicInteger();

  @Test
  void aCreateThatTimedOutIsWaitedOutAsLongAsItWaitedBeforeTheNextOne() {
    assertThatThrownBy(() -> creates.create(pipeline, this::timesOutAfterTwoSeconds))
        .isInstanceOf(KfpUnavailable.class);

    clock.advance(Duration.ofMillis(1900));
    assertThatThrownBy(() -> creates.create(pipeline, this::answers))
        .isInstanceOf(KfpUnavailable.class)
        .hasMessageContaining("Pipeline default/nightly")
        .hasMessageContaining("creating it again waits until 2026-12-02T10:00:02Z");
    assertThat(sent).hasValue(1);

    clock.advance(Duration.ofMillis(200));
    assertThat(creates.create(pipeline, this::answers)).isEqualTo("created");
    assertThat(sent).hasValue(2);
  }

  @Test
  void aDeletionWaitsTooAndThenSaysToLookAgain() {
    assertThatThrownBy(() -> creates.create(pipeline, this::timesOutAfterTwoSeconds))
        .isInstanceOf(KfpUnavailable.class);

    assertThatThrownBy(() -> creates.awaitSettled(pipeline, "finishing its deletion"))
        .hasMessageContaining("finishing its deletion waits");
    clock.advance(Duration.ofSeconds(2));
    assertThat(creates.awaitSettled(pipeline, "finishing its deletion")).isTrue();
    assertThat(creates.awaitSettled(pipeline, "finishing its deletion")).isFalse();
  }

  @Test
  void aCreateKfpRefusedOrNeverReceivedIsNotInDoubt() {
    assertThatThrownBy(
            () ->
                creates.create(
                    pipeline,
                    () -> {
                      throw new KfpUnavailable("connection refused", null, Optional.empty());
                    }))
        .isInstanceOf(KfpUnavailable.class);

    assertThat(creates.awaitSettled(pipeline, "finishing its deletion")).isFalse();
  }

  private String timesOutAfterTwoSeconds() {
    sent.incrementAndGet();
    throw new KfpUnavailable("read timed out", null, Optional.of(Duration.ofSeconds(2)));
  }

  private String answers() {
    sent.incrementAndGet();
    return "created";
  }

  private static Pipeline pipeline() {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(
        new ObjectMetaBuilder().withName("nightly").withNamespace("default").withUid("u1").build());
    return pipeline;
  }
}
