package com.jackhoman.kfp.releaser.runtime;

import com.jackhoman.kfp.releaser.net.HttpServers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves the operator's health probes ({@code /healthz} liveness, {@code /readyz} readiness) and,
 * on its own port, Prometheus metrics ({@code /metrics}).
 */
public final class ProbeServer implements AutoCloseable {

  private final HttpServer health;
  private final HttpServer metrics;

  private ProbeServer(HttpServer health, HttpServer metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  /**
   * Starts both servers on all interfaces.
   *
   * @param live whether the operator is alive (a failing answer makes Kubernetes restart it)
   * @param ready whether it is ready to work: KFP reached and informers synced
   * @param scrape the metrics in Prometheus text format
   */
  public static ProbeServer start(
      int healthPort,
      int metricsPort,
      BooleanSupplier live,
      BooleanSupplier ready,
      Supplier<String> scrape) {
    try {
      HttpServer health = HttpServers.http(new InetSocketAddress(healthPort), 0);
      health.createContext("/healthz", exchange -> answer(exchange, live.getAsBoolean()));
      health.createContext("/readyz", exchange -> answer(exchange, ready.getAsBoolean()));
      HttpServer metrics = HttpServers.http(new InetSocketAddress(metricsPort), 0);
      metrics.createContext(
          "/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4", scrape.get()));
      health.start();
      metrics.start();
      return new ProbeServer(health, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open the probe and metrics ports", e);
    }
  }

  /** The port health probes are served on. */
  public int healthPort() {
    return health.getAddress().getPort();
  }

  /** The port metrics are served on. */
  public int metricsPort() {
    return metrics.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, boolean ok) throws IOException {
    send(exchange, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "not ready\n");
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    health.stop(0);
    metrics.stop(0);
  }
}
