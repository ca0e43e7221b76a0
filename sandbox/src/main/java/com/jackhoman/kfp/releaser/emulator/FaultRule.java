package com.jackhoman.kfp.releaser.emulator;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One fault to inject on the requests whose method (null for any) and path (a regular expression
 * matched against the whole path) match: answer 503 before doing anything with {@code errorRate},
 * answer 409 before doing anything with {@code conflictRate}, wait {@code latency} first with
 * {@code latencyRate} (the change then takes effect as one of {@code lateCommits} says, drawn per
 * call), or commit the change and then close the connection without a response with {@code
 * dropRate}. A rule {@code once} hits the first matching request only.
 */
public record FaultRule(
    String method,
    Pattern path,
    double errorRate,
    double conflictRate,
    Duration latency,
    double latencyRate,
    double dropRate,
    List<LateCommit> lateCommits,
    boolean once) {

  private static final List<LateCommit> COMMIT_AFTER_DELAY = List.of(LateCommit.AFTER_DELAY);

  /** 503 Unavailable on a share of the matching requests, before they take effect. */
  public static FaultRule serverErrors(String method, String pathRegex, double rate) {
    return rule(method, pathRegex, rate, 0, Duration.ZERO, 0, 0, COMMIT_AFTER_DELAY, false);
  }

  /** 409 Conflict (gRPC Aborted) on a share of the matching requests, before they take effect. */
  public static FaultRule conflicts(String method, String pathRegex, double rate) {
    return rule(method, pathRegex, 0, rate, Duration.ZERO, 0, 0, COMMIT_AFTER_DELAY, false);
  }

  /** Added latency on every matching request. */
  public static FaultRule latency(String method, String pathRegex, Duration latency) {
    return latencySpikes(method, pathRegex, latency, 1);
  }

  /** Added latency on a share of the matching requests; the request still takes effect. */
  public static FaultRule latencySpikes(
      String method, String pathRegex, Duration latency, double rate) {
    return rule(method, pathRegex, 0, 0, latency, rate, 0, COMMIT_AFTER_DELAY, false);
  }

  /** The change is committed, then the connection closes with no response, on a share of them. */
  public static FaultRule dropAfterCommit(String method, String pathRegex, double rate) {
    return rule(method, pathRegex, 0, 0, Duration.ZERO, 0, rate, COMMIT_AFTER_DELAY, false);
  }

  /**
   * Answers a share of the matching requests only after {@code delay}, past a client's timeout;
   * each such call takes effect before the delay, after it, or never, drawn per call.
   */
  public static FaultRule lateAnswers(
      String method, String pathRegex, Duration delay, double rate) {
    return rule(method, pathRegex, 0, 0, delay, rate, 0, List.of(LateCommit.values()), false);
  }

  /**
   * Answers the first matching request only after {@code delay}; it takes effect as {@code commit}.
   */
  public static FaultRule lateAnswerOnce(
      String method, String pathRegex, Duration delay, LateCommit commit) {
    return rule(method, pathRegex, 0, 0, delay, 1, 0, List.of(commit), true);
  }

  private static FaultRule rule(
      String method,
      String pathRegex,
      double errorRate,
      double conflictRate,
      Duration latency,
      double latencyRate,
      double dropRate,
      List<LateCommit> commits,
      boolean once) {
    return new FaultRule(
        method,
        Pattern.compile(pathRegex),
        errorRate,
        conflictRate,
        latency,
        latencyRate,
        dropRate,
        commits,
        once);
  }

  boolean matches(String requestMethod, String requestPath) {
    return (method == null || method.equals(requestMethod)) && path.matcher(requestPath).matches();
  }
}
