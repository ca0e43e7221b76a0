package com.jackhoman.kfp.releaser.faults;

import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The faults of a campaign. On KFP, all the time: 5xx, 409, latency beyond the client's timeout,
 * and responses dropped after commit on every create, delete, enable and disable; now and then the
 * operator's bearer token expires before its file is rotated. On Kubernetes: 409 on status writes
 * all the time; now and then every watch drops, and the leading replica is killed and replaced.
 */
final class FaultSchedule {

  private static final Duration WATCH_DROPS = Duration.ofSeconds(4);
  private static final Duration TOKEN_EXPIRIES = Duration.ofSeconds(7);
  private static final Duration ROTATION_DELAY = Duration.ofSeconds(1);
  private static final Duration LEADER_KILLS = Duration.ofSeconds(15);

  private final KfpEmulator kfp;
  private final KubernetesFaults api;
  private final Replicas replicas;
  private final Path tokenFile;
  private final SplittableRandom random;
  private long nextWatchDrop;
  private long nextExpiry;
  private long rotation = Long.MAX_VALUE;
  private long nextKill;
  private int token;
  private long events;

  FaultSchedule(
      KfpEmulator kfp,
      KubernetesFaults api,
      Replicas replicas,
      Path tokenFile,
      SplittableRandom random) {
    this.kfp = kfp;
    this.api = api;
    this.replicas = replicas;
    this.tokenFile = tokenFile;
    this.random = random;
  }

  /** Turns the steady faults on and plans the first occasional ones. */
  void start(double kfpRate, double statusConflictRate) {
    kfp.faults().add(FaultRule.serverErrors(null, "/apis/.*", kfpRate));
    kfp.faults().add(FaultRule.conflicts("POST", "/apis/.*", kfpRate / 2));
    kfp.faults()
        .add(
            FaultRule.lateAnswers(
                null, "/apis/.*", FaultCampaign.KFP_TIMEOUT.plusMillis(500), kfpRate / 4));
    kfp.faults().add(FaultRule.dropAfterCommit("POST", "/apis/.*", kfpRate));
    kfp.faults().add(FaultRule.dropAfterCommit("DELETE", "/apis/.*", kfpRate));
    api.conflictOnStatusWrites(statusConflictRate);
    long now = System.nanoTime();
    nextWatchDrop = now + jittered(WATCH_DROPS);
    nextExpiry = now + jittered(TOKEN_EXPIRIES);
    nextKill = now + jittered(LEADER_KILLS);
  }

  /** Injects whatever occasional fault is due. */
  void tick() {
    long now = System.nanoTime();
    if (now >= nextWatchDrop) {
      api.dropWatches();
      nextWatchDrop = now + jittered(WATCH_DROPS);
    }
    if (now >= nextExpiry) {
      kfp.faults().expireToken("token-" + token);
      events++;
      rotation = now + ROTATION_DELAY.toNanos();
      nextExpiry = now + jittered(TOKEN_EXPIRIES);
    }
    if (now >= rotation) {
      rotate();
      rotation = Long.MAX_VALUE;
    }
    if (now >= nextKill && rotation == Long.MAX_VALUE) {
      // A new replica connects only with a valid token: kill the leader between expiries.
      replicas.killLeader();
      nextKill = now + jittered(LEADER_KILLS);
    }
  }

  /** Stops every fault: KFP answers at once again, the token file holds a valid token. */
  void stop() {
    kfp.faults().clear();
    api.conflictOnStatusWrites(0);
    if (rotation != Long.MAX_VALUE) {
      rotate();
    }
  }

  /** How many faults were injected on both sides. */
  long injected() {
    return kfp.faults().injected() + api.injected() + events + replicas.restarts();
  }

  /** How many of them the Kubernetes API (or the proxy before it) injected. */
  long injectedByKubernetes() {
    return api.injected();
  }

  private void rotate() {
    token++;
    try {
      Files.writeString(tokenFile, "token-" + token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long jittered(Duration mean) {
    return (long) (mean.toNanos() * (0.5 + random.nextDouble()));
  }
}
