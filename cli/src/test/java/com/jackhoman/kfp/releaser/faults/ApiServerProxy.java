package com.jackhoman.kfp.releaser.faults;

import com.jackhoman.kfp.releaser.net.HttpServers;
import com.jackhoman.kfp.releaser.sandbox.ApiPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting proxy in front of a real API server, for faults the server will not make on
 * request: it listens on plain HTTP at 127.0.0.1, forwards every request with the credentials of
 * {@code upstream} (its kubeconfig's), streams watches, answers a share of status writes with the
 * 409 Conflict kube-apiserver sends, and ends the watches open when told.
 */
final class ApiServerProxy implements KubernetesFaults, AutoCloseable {

  /** Headers the JDK server or the upstream connection set themselves. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "accept-encoding",
          "content-encoding",
          "upgrade",
          "keep-alive");

  private final KubernetesClient client;
  private final HttpClient upstream;
  private final String upstreamUrl;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Set<InputStream> openWatches = ConcurrentHashMap.newKeySet();
  private final Random random = new Random(1);
  private final AtomicLong injected = new AtomicLong();
  private volatile double statusConflictRate;

  private ApiServerProxy(Config upstream) throws IOException {
    // HTTP/1.1, a connection per watch: over HTTP/2 the JDK client carried every watch on one
    // connection, and with about 100 of them open (two replicas watching ten namespaces) no other
    // request got through.
    this.client =
        new KubernetesClientBuilder()
            .withConfig(upstream)
            .withHttpClientBuilderConsumer(http -> http.preferHttp11())
            .build();
    this.upstream = client.getHttpClient();
    this.upstreamUrl = upstream.getMasterUrl().replaceAll("/$", "");
    this.server = HttpServers.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a proxy in front of the API server of {@code upstream}, with its credentials. */
  static ApiServerProxy start(Config upstream) throws IOException {
    return new ApiServerProxy(upstream);
  }

  /** A configuration for a client of the proxy (HTTP watches; the proxy adds the credentials). */
  Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .withOnlyHttpWatches(true)
        .build();
  }

  @Override
  public void conflictOnStatusWrites(double rate) {
    statusConflictRate = rate;
  }

  @Override
  public void dropWatches() {
    for (InputStream watch : openWatches) {
      try {
        watch.close();
        injected.incrementAndGet();
      } catch (IOException alreadyGone) {
        // the watch ended on its own meanwhile
      }
    }
  }

  @Override
  public long injected() {
    return injected.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      ApiPath path = ApiPath.parse(exchange.getRequestURI().getRawPath());
      if (path.isStatus() && !method.equals("GET") && conflictNow()) {
        reply(exchange, 409, conflict(path));
        return;
      }
      HttpResponse<InputStream> answer = forward(exchange, method, body);
      answer.headers().forEach((name, values) -> copyHeader(exchange, name, values));
      boolean watch =
          exchange.getRequestURI().getRawQuery() != null
              && exchange.getRequestURI().getRawQuery().contains("watch=true");
      try (InputStream in = answer.body()) {
        if (watch) {
          openWatches.add(in);
        }
        exchange.sendResponseHeaders(answer.code(), 0);
        stream(in, exchange.getResponseBody());
      } finally {
        openWatches.remove(answer.body());
      }
    }
  }

  private HttpResponse<InputStream> forward(HttpExchange exchange, String method, byte[] body)
      throws IOException {
    HttpRequest.Builder request =
        upstream.newHttpRequestBuilder().uri(upstreamUrl + exchange.getRequestURI()).forStreaming();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())
                  && !name.equalsIgnoreCase("content-type")) {
                values.forEach(value -> request.header(name, value));
              }
            });
    if (!method.equals("GET")) {
      request.method(
          method,
          exchange.getRequestHeaders().getFirst("Content-Type"),
          new ByteArrayInputStream(body),
          (long) body.length);
    }
    try {
      return upstream.sendAsync(request.build(), InputStream.class).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw new IOException("Could not forward " + method + " " + exchange.getRequestURI(), e);
    }
  }

  private boolean conflictNow() {
    if (statusConflictRate <= 0) {
      return false;
    }
    synchronized (random) {
      if (random.nextDouble() >= statusConflictRate) {
        return false;
      }
    }
    injected.incrementAndGet();
    return true;
  }

  /** The Status kube-apiserver v1.32 answers a stale status write with (recorded with kubectl). */
  private static String conflict(ApiPath path) {
    String fullName =
        path.group().isEmpty() ? path.resource() : path.resource() + "." + path.group();
    return ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\"Operation cannot be fulfilled on %s \\\"%s\\\": the object has been"
            + " modified; please apply your changes to the latest version and try again\","
            + "\"reason\":\"Conflict\",\"details\":{\"name\":\"%s\",\"group\":\"%s\","
            + "\"kind\":\"%s\"},\"code\":409}")
        .formatted(fullName, path.name(), path.name(), path.group(), path.resource());
  }

  private static void copyHeader(HttpExchange exchange, String name, List<String> values) {
    if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
      exchange.getResponseHeaders().put(name, values);
    }
  }

  private static void reply(HttpExchange exchange, int code, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * Copies as it arrives, so that each watch event reaches the client at once; a read that fails (a
   * dropped watch) ends the response as kube-apiserver ends a watch whose time is up.
   */
  private static void stream(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (IOException dropped) {
        return;
      }
      if (read < 0) {
        return;
      }
      out.write(buffer, 0, read);
      out.flush();
    }
  }

  /** Stops listening and ends every open watch. */
  @Override
  public void close() {
    dropWatches();
    server.stop(0);
    threads.shutdownNow();
    client.close();
  }
}
