package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The embedded API's faults hit what they say and nothing else, and watches forget politely. */
class ApiFaultsTest {

  private static final JsonNode OBJECT = JsonNodeFactory.instance.objectNode();
  private static final ApiPath STATUS =
      ApiPath.parse("/apis/kfp.jackhoman.com/v1alpha1/namespaces/team/pipelines/train/status");
  private static final ApiPath SPEC =
      ApiPath.parse("/apis/kfp.jackhoman.com/v1alpha1/namespaces/team/pipelines/train");

  private final WatchEvents watchEvents = new WatchEvents();
  private final ApiFaults faults = new ApiFaults(watchEvents, 1);

  @Test
  void statusConflictsRefuseStatusWritesOnlyWith409() {
    faults.conflictOnStatusWrites(1);

    assertThat(faults.refusal(STATUS, OBJECT, OBJECT))
        .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(409));
    assertThat(faults.refusal(SPEC, OBJECT, OBJECT)).isEmpty();
    assertThat(faults.injected()).isEqualTo(1);
  }

  @Test
  void noStatusWriteIsRefusedUntilAsked() {
    assertThat(faults.refusal(STATUS, OBJECT, OBJECT)).isEmpty();
  }

  @Test
  void droppingWatchesEndsEveryOpenOne() throws InterruptedException {
    WatchEvents.Subscription watch = watchEvents.subscribe(object -> true, 0);

    faults.dropWatches();
    watchEvents.accept(new StoredChange("ADDED", OBJECT, 1));

    assertThat(watch.isOpen()).isFalse();
    assertThat(watch.next(Duration.ZERO)).isEmpty();
    assertThat(faults.injected()).isEqualTo(1);
  }

  @Test
  void aWatchFromAResourceVersionNoLongerKeptHasExpired() {
    for (long version = 1; version <= 2001; version++) {
      watchEvents.accept(new StoredChange("MODIFIED", OBJECT, version));
    }

    assertThat(watchEvents.expired(0)).isTrue();
    assertThat(watchEvents.expired(1)).isFalse();
    assertThat(watchEvents.expired(2001)).isFalse();
  }
}
