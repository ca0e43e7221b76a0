package com.jackhoman.kfp.releaser.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.emulator.SettableClock;
import com.jackhoman.kfp.releaser.kfp.KfpObject;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KfpListingTest {

  /** A KFP object of the test: id, name and owner. */
  private record Thing(String id, String name, Optional<OwnerMark> owner) implements KfpObject {}

  private static final OwnerMark ALICE = new OwnerMark("team", "alice", "uid-a");
  private static final Duration PERIOD = Duration.ofMinutes(5);

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T00:00:00Z"));
  private final List<Thing> inKfp = new CopyOnWriteArrayList<>();
  private final AtomicInteger listCalls = new AtomicInteger();
  private final KfpListing<Thing> listing =
      new KfpListing<>(
          scope -> {
            listCalls.incrementAndGet();
            return new ArrayList<>(inKfp);
          },
          PERIOD,
          clock);

  @Test
  void lookupsInAScopeShareOneListCallUntilTheDriftPeriodHasPassed() {
    inKfp.add(new Thing("1", "team/alice", Optional.of(ALICE)));
    inKfp.add(new Thing("2", "team/bob", Optional.empty()));

    assertThat(listing.ownedBy("team", ALICE)).extracting(Thing::id).containsExactly("1");
    assertThat(listing.named("team", "team/bob")).extracting(Thing::id).containsExactly("2");
    assertThat(listing.named("team", "team/carol")).isEmpty();
    assertThat(listCalls).hasValue(1);

    clock.advance(PERIOD.plusSeconds(1));
    assertThat(listing.named("team", "team/carol")).isEmpty();
    assertThat(listCalls).hasValue(2);
  }

  @Test
  void eachScopeIsListedOnItsOwn() {
    listing.named("team-a", "x");
    listing.named("team-b", "x");
    listing.named("team-a", "y");

    assertThat(listCalls).hasValue(2);
  }

  @Test
  void whatTheOperatorCreatesIsFoundWithoutListingAgain() {
    listing.named("team", "team/alice");
    Thing made = new Thing("7", "team/alice", Optional.of(ALICE));

    assertThat(listing.created("team", () -> made)).isEqualTo(made);

    assertThat(listing.ownedBy("team", ALICE)).containsExactly(made);
    assertThat(listCalls).hasValue(1);
  }

  @Test
  void aCreateThatFailedMakesTheScopeBeListedAgainSoACommittedCreateIsFound() {
    listing.named("team", "team/alice");
    Thing committed = new Thing("7", "team/alice", Optional.of(ALICE));

    assertThatThrownBy(
            () ->
                listing.created(
                    "team",
                    () -> {
                      inKfp.add(committed);
                      throw new KfpUnavailable(0, "connection closed before the answer");
                    }))
        .isInstanceOf(KfpUnavailable.class);

    assertThat(listing.ownedBy("team", ALICE)).containsExactly(committed);
    assertThat(listCalls).hasValue(2);
  }

  @Test
  void aDeletedObjectIsGoneFromTheListingAndAFailedDeleteIsListedAgain() {
    Thing alice = new Thing("1", "team/alice", Optional.of(ALICE));
    Thing bob = new Thing("2", "team/bob", Optional.empty());
    inKfp.add(alice);
    inKfp.add(bob);
    listing.named("team", "team/alice");

    listing.deleted("1", () -> inKfp.remove(alice));
    assertThat(listing.ownedBy("team", ALICE)).isEmpty();
    assertThat(listCalls).hasValue(1);

    assertThatThrownBy(
            () ->
                listing.deleted(
                    "2",
                    () -> {
                      throw new KfpUnavailable(503, "KFP answered 503");
                    }))
        .isInstanceOf(KfpUnavailable.class);
    assertThat(listing.named("team", "team/bob")).containsExactly(bob);
    assertThat(listCalls).hasValue(2);
  }

  @Test
  void aChangedObjectIsListedAgainBeforeItsNextLookup() {
    inKfp.add(new Thing("1", "team/alice", Optional.of(ALICE)));
    listing.named("team", "team/alice");

    listing.changed("1", () -> {});
    listing.named("team", "team/alice");

    assertThat(listCalls).hasValue(2);
  }

  @Test
  void aFailedListFailsTheLookupAndTheNextLookupListsAgain() {
    KfpListing<Thing> flaky =
        new KfpListing<>(
            scope -> {
              if (listCalls.incrementAndGet() == 1) {
                throw new KfpUnavailable(503, "KFP answered 503");
              }
              return List.of();
            },
            PERIOD,
            clock);

    assertThatThrownBy(() -> flaky.named("team", "x")).isInstanceOf(KfpUnavailable.class);
    assertThat(flaky.named("team", "x")).isEmpty();
    assertThat(listCalls).hasValue(2);
  }

  @Test
  void concurrentLookupsWaitForTheOneListCallInFlight() throws Exception {
    CountDownLatch listing = new CountDownLatch(1);
    KfpListing<Thing> slow =
        new KfpListing<>(
            scope -> {
              listCalls.incrementAndGet();
              await(listing);
              return List.of(new Thing("1", "team/alice", Optional.of(ALICE)));
            },
            PERIOD,
            clock);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Thing>>> lookups = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        lookups.add(threads.submit(() -> slow.ownedBy("team", ALICE)));
      }
      Thread.sleep(100);
      listing.countDown();
      for (Future<List<Thing>> lookup : lookups) {
        assertThat(lookup.get(10, TimeUnit.SECONDS)).extracting(Thing::id).containsExactly("1");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(listCalls).hasValue(1);
  }

  @Test
  void writesMadeWhileTheScopeIsBeingListedAreAppliedToTheListWithoutListingAgain()
      throws Exception {
    CountDownLatch listing = new CountDownLatch(1);
    Thing old = new Thing("1", "team/old", Optional.empty());
    KfpListing<Thing> slow =
        new KfpListing<>(
            scope -> {
              listCalls.incrementAndGet();
              await(listing);
              return List.of(old);
            },
            PERIOD,
            clock);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<List<Thing>> lookup = thread.submit(() -> slow.named("team", "team/old"));
      Thread.sleep(100);
      Thing made = new Thing("2", "team/alice", Optional.of(ALICE));
      slow.created("team", () -> made);
      slow.deleted("1", () -> {});
      listing.countDown();
      lookup.get(10, TimeUnit.SECONDS);

      assertThat(slow.ownedBy("team", ALICE)).containsExactly(made);
      assertThat(slow.named("team", "team/old")).isEmpty();
    } finally {
      thread.shutdownNow();
    }
    assertThat(listCalls).hasValue(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
