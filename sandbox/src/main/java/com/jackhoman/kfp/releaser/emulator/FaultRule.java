package com.jackhoman.kfp.releaser.emulator;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One fault to inject on the requests whose method (null for any) and path (a regular expression
 * matched against the whole path) match: answer 503 before doing anything with {@code errorRate},
 * answer 409 before doing anything with {@code conflictRate}, wait {@code latency} first with
 * {@code latencyRate}, or commit the change and then close the connection without a response with
 * {@code dropRate}.
 */
public record FaultRule(
    String method,
    Pattern path,
    double errorRate,
    double conflictRate,
    Duration latency,
    double latencyRate,
    double dropRate) {

  /** 503 Unavailable on a share of the matching requests, before they take effect. */
  public static FaultRule serverErrors(String method, String pathRegex, double rate) {
    return new FaultRule(method, Pattern.compile(pathRegex), rate, 0, Duration.ZERO, 0, 0);
  }

  /** 409 Conflict (gRPC Aborted) on a share of the matching requests, before they take effect. */
  public static FaultRule conflicts(String method, String pathRegex, double rate) {
    return new FaultRule(method, Pattern.compile(pathRegex), 0, rate, Duration.ZERO, 0, 0);
  }

  /** Added latency on every matching request. */
  public static FaultRule latency(String method, String pathRegex, Duration latency) {
    return latencySpikes(method, pathRegex, latency, 1);
  }

  /** Added latency on a share of the matching requests; the request still takes effect. */
  public static FaultRule latencySpikes(
      String method, String pathRegex, Duration latency, double rate) {
    return new FaultRule(method, Pattern.compile(pathRegex), 0, 0, latency, rate, 0);
  }

  /** The change is committed, then the connection closes with no response, on a share of them. */
  public static FaultRule dropAfterCommit(String method, String pathRegex, double rate) {
    return new FaultRule(method, Pattern.compile(pathRegex), 0, 0, Duration.ZERO, 0, rate);
  }

  boolean matches(String requestMethod, String requestPath) {
    return (method == null || method.equals(requestMethod)) && path.matcher(requestPath).matches();
  }
}
