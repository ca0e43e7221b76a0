package com.jackhoman.kfp.releaser.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP front of the emulator: reads each exchange, applies injected faults and multi-user
 * identity checks (an upload refuses a caller with 400, see {@link UploadAuthFailure}), routes it,
 * writes the answer (or drops it after commit) and logs it.
 */
final class EmulatorHandler implements HttpHandler {

  private final Router router;
  private final FaultInjector faults;
  private final RequestLog log;
  private final Clock clock;
  private final boolean multiUser;
  private final ReleaseProfile release;

  EmulatorHandler(
      Router router,
      FaultInjector faults,
      RequestLog log,
      Clock clock,
      boolean multiUser,
      ReleaseProfile release) {
    this.router = router;
    this.faults = faults;
    this.log = log;
    this.clock = clock;
    this.multiUser = multiUser;
    this.release = release;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiRequest request = read(exchange);
      FaultInjector.Decision decision =
          faults.decide(request.method(), request.path(), request.headers().get("authorization"));
      ApiResponse response;
      switch (decision.commit()) {
        case BEFORE_DELAY -> {
          response = answer(request, decision);
          pause(decision.latency());
        }
        case NEVER -> {
          pause(decision.latency());
          KfpError gaveUp = KfpError.unavailable("Injected fault: gave up before carrying it out");
          response = new ApiResponse(gaveUp.httpStatus(), gaveUp.gatewayBody().toString());
        }
        default -> {
          pause(decision.latency());
          response = answer(request, decision);
        }
      }
      if (decision.drop()) {
        log.record(new LoggedRequest(request.method(), request.path(), 0, clock.instant()));
        return;
      }
      // Logged before answering, so a client that has its answer always finds it in the log.
      log.record(
          new LoggedRequest(request.method(), request.path(), response.status(), clock.instant()));
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private ApiResponse answer(ApiRequest request, FaultInjector.Decision decision) {
    KfpError refusal = null;
    if (decision.expiredToken()) {
      refusal = KfpError.unauthenticated("Unauthenticated: the bearer token has expired");
    } else if (decision.fail()) {
      refusal = KfpError.unavailable("Injected fault: service unavailable");
    } else if (decision.conflict()) {
      refusal = KfpError.aborted("Injected fault: the object was changed concurrently");
    } else if (multiUser && !request.path().endsWith("/healthz") && !hasIdentity(request)) {
      refusal =
          KfpError.unauthenticated(
              "Failed to authenticate: no kubeflow-userid header or bearer token");
    }
    if (refusal != null && refusal.httpStatus() == 401 && router.isUpload(request.path())) {
      return router.failure(
          request.path(),
          UploadAuthFailure.of(
              release, request.path(), "Unauthenticated: " + refusal.getMessage()));
    }
    if (refusal != null) {
      return new ApiResponse(refusal.httpStatus(), refusal.gatewayBody().toString());
    }
    try {
      return router.dispatch(request);
    } catch (RuntimeException e) {
      KfpError error = KfpError.internal(String.valueOf(e.getMessage()));
      return new ApiResponse(error.httpStatus(), error.gatewayBody().toString());
    }
  }

  private static boolean hasIdentity(ApiRequest request) {
    return request.header("kubeflow-userid").isPresent()
        || request.header("authorization").filter(a -> a.startsWith("Bearer ")).isPresent();
  }

  private static ApiRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    return new ApiRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        query(exchange.getRequestURI().getRawQuery()),
        headers,
        body,
        Map.of());
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query
          .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
