package com.jackhoman.kfp.releaser.kfp.http;

import com.jackhoman.kfp.releaser.net.HttpServers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A scripted HTTP(S) server for transport tests only: it plays back canned answers in order so a
 * test can make KFP fail, stall or reject a token at an exact call, which is about the transport
 * (retries, timeouts, 401 rotation, TLS) and not KFP behaviour, for which tests use the emulator.
 */
final class StubKfp implements AutoCloseable {

  /** One canned answer: status, body and how long to stall before sending it. */
  record Answer(int status, String body, Duration delay) {
    static Answer json(int status, String body) {
      return new Answer(status, body, Duration.ZERO);
    }
  }

  /** What the stub received. */
  record Received(String method, String uri, String authorization, String userId) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private Answer fallback = Answer.json(200, "{}");

  private StubKfp(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A plain HTTP stub on a free loopback port. */
  static StubKfp http() {
    try {
      return new StubKfp(HttpServers.http(loopback(), 0));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** An HTTPS stub presenting the certificate held by this context. */
  static StubKfp https(SSLContext serverContext) {
    try {
      HttpsServer server = HttpServers.https(loopback(), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
      return new StubKfp(server);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The URL to point a client at ({@code https} when TLS). */
  URI url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://localhost:" + server.getAddress().getPort());
  }

  /** Answers the next calls with these, in order, then with the fallback. */
  synchronized StubKfp thenAnswer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Answers every unscripted call with this. */
  synchronized StubKfp byDefaultAnswer(Answer answer) {
    fallback = answer;
    return this;
  }

  /** Every request so far, in order. */
  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer;
    synchronized (this) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("kubeflow-userid")));
      answer = script.isEmpty() ? fallback : script.poll();
    }
    exchange.getRequestBody().readAllBytes();
    try {
      Thread.sleep(answer.delay().toMillis());
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return;
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
