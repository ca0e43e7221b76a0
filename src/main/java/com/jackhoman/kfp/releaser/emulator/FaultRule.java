package com.jackhoman.kfp.releaser.emulator;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One fault to inject on the requests whose method (null for any) and path (a regular expression
 * matched against the whole path) match: answer 503 before doing anything with {@code errorRate},
 * wait {@code latency} first, or commit the change and then close the connection without a response
 * with {@code dropRate}.
 */
public record FaultRule(
    String method, Pattern path, double errorRate, Duration latency, double dropRate) {

  /** 503 Unavailable on a share of the matching requests, before they take effect. */
  public static FaultRule serverErrors(String method, String pathRegex, double rate) {
    return new FaultRule(method, Pattern.compile(pathRegex), rate, Duration.ZERO, 0);
  }

  /** Added latency on every matching request. */
  public static FaultRule latency(String method, String pathRegex, Duration latency) {
    return new FaultRule(method, Pattern.compile(pathRegex), 0, latency, 0);
  }

  /** The change is committed, then the connection closes with no response, on a share of them. */
  public static FaultRule dropAfterCommit(String method, String pathRegex, double rate) {
    return new FaultRule(method, Pattern.compile(pathRegex), 0, Duration.ZERO, rate);
  }

  boolean matches(String requestMethod, String requestPath) {
    return (method == null || method.equals(requestMethod)) && path.matcher(requestPath).matches();
  }
}
