package com.jackhoman.kfp.releaser.sync.dependents;

import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The KFP creates that got no answer, by the object they were for. KFP may still carry such a
 * create out after the client gave up (a slow server, a proxy timeout), so until it could have
 * landed, neither a second create for the object (a duplicate) nor the end of its deletion (an
 * orphan) may rely on not finding it: both wait, then look again. It could have landed once as long
 * again as the call waited has passed since it gave up.
 */
public final class CreatesInDoubt {

  private final Clock clock;
  private final String kfpKind;
  private final Map<String, Instant> settledAt = new ConcurrentHashMap<>();

  /**
   * Tracks the creates of KFP objects of {@code kfpKind} (for messages), timed by {@code clock}.
   */
  public CreatesInDoubt(Clock clock, String kfpKind) {
    this.clock = clock;
    this.kfpKind = kfpKind;
  }

  /**
   * Runs {@code lookThenCreate} (which looks for the KFP object first, and creates it only when it
   * finds none), unless an earlier create for {@code owner} may still land; remembers this create
   * when it gets no answer.
   *
   * @throws KfpUnavailable to retry later, while an earlier create may still land
   */
  public <R> R create(HasMetadata owner, Supplier<R> lookThenCreate) {
    awaitSettled(owner, "creating it again");
    try {
      return lookThenCreate.get();
    } catch (KfpUnavailable unanswered) {
      unanswered
          .inDoubtAfter()
          .ifPresent(waited -> settledAt.put(uid(owner), clock.instant().plus(waited)));
      throw unanswered;
    }
  }

  /**
   * Returns once no create for {@code owner} can still land, so that a look from then on that finds
   * no KFP object means there is none.
   *
   * @param doing what waits, for the message
   * @return whether a create had been in doubt (the caller looks again before relying on absence)
   * @throws KfpUnavailable to retry later, while one may still land
   */
  public boolean awaitSettled(HasMetadata owner, String doing) {
    Instant settles = settledAt.get(uid(owner));
    if (settles == null) {
      return false;
    }
    if (clock.instant().isBefore(settles)) {
      throw new KfpUnavailable(
          0,
          "KFP did not answer an earlier create of the KFP "
              + kfpKind
              + " for "
              + owner.getKind()
              + " "
              + owner.getMetadata().getNamespace()
              + "/"
              + owner.getMetadata().getName()
              + " and may still carry it out; "
              + doing
              + " waits until "
              + settles
              + " and looks again");
    }
    settledAt.remove(uid(owner), settles);
    return true;
  }

  private static String uid(HasMetadata owner) {
    return owner.getMetadata().getUid();
  }
}
