package com.jackhoman.kfp.releaser.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which faults hit a request, from the rules a test added and a seeded random source: 5xx,
 * 409, latency (with the change taking effect before it, after it or never), responses dropped
 * after commit, and expired bearer tokens answered with 401.
 */
public final class FaultInjector {

  /** What to do to one request. */
  record Decision(
      Duration latency,
      LateCommit commit,
      boolean fail,
      boolean conflict,
      boolean drop,
      boolean expiredToken) {}

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
  private final Random random;
  private final AtomicLong injected = new AtomicLong();

  FaultInjector(Random random) {
    this.random = random;
  }

  /** Adds a rule; rules add up (latencies sum, any hit fails or drops). */
  public void add(FaultRule rule) {
    rules.add(rule);
  }

  /** Answers every request that presents {@code Authorization: Bearer token} with 401. */
  public void expireToken(String token) {
    expiredTokens.add(token);
  }

  /** How many requests a fault has hit so far. */
  public long injected() {
    return injected.get();
  }

  /** Removes every rule and expired token. */
  public void clear() {
    rules.clear();
    expiredTokens.clear();
  }

  Decision decide(String method, String path, String authorization) {
    boolean expired =
        authorization != null
            && authorization.startsWith("Bearer ")
            && expiredTokens.contains(authorization.substring(7));
    Duration latency = Duration.ZERO;
    LateCommit commit = LateCommit.AFTER_DELAY;
    boolean fail = false;
    boolean conflict = false;
    boolean drop = false;
    for (FaultRule rule : rules) {
      if (rule.matches(method, path) && (!rule.once() || rules.remove(rule))) {
        if (draw(rule.latencyRate())) {
          latency = latency.plus(rule.latency());
          commit = pick(rule.lateCommits());
        }
        fail |= draw(rule.errorRate());
        conflict |= draw(rule.conflictRate());
        drop |= draw(rule.dropRate());
      }
    }
    if (expired || fail || conflict || drop || !latency.isZero()) {
      injected.incrementAndGet();
    }
    return new Decision(latency, commit, fail, conflict, drop, expired);
  }

  private LateCommit pick(List<LateCommit> commits) {
    if (commits.size() == 1) {
      return commits.get(0);
    }
    synchronized (random) {
      return commits.get(random.nextInt(commits.size()));
    }
  }

  private boolean draw(double rate) {
    if (rate <= 0) {
      return false;
    }
    if (rate >= 1) {
      return true;
    }
    synchronized (random) {
      return random.nextDouble() < rate;
    }
  }
}
