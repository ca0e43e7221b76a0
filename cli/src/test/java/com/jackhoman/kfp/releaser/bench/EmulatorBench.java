package com.jackhoman.kfp.releaser.bench;

import com.google.gson.JsonParser;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Measures emulator requests per second for get and list over loopback with 1,000 pipelines;
 * arguments: [clients] [seconds per measurement].
 */
public final class EmulatorBench {

  private static final int OBJECTS = 1_000;

  private EmulatorBench() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
    try (KfpEmulator emulator = KfpEmulator.builder().threads(4).start()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = emulator.url();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < OBJECTS; i++) {
        String body =
            send(
                http,
                HttpRequest.newBuilder(base.resolve("/apis/v2beta1/pipelines"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + i + "\"}")));
        ids.add(JsonParser.parseString(body).getAsJsonObject().get("pipeline_id").getAsString());
      }
      measure("warm-up", http, clients, Duration.ofSeconds(2), i -> get(base, ids, i));
      measure("get  /apis/v2beta1/pipelines/{id}", http, clients, window, i -> get(base, ids, i));
      measure(
          "list /apis/v2beta1/pipelines?page_size=20",
          http,
          clients,
          window,
          i -> HttpRequest.newBuilder(base.resolve("/apis/v2beta1/pipelines?page_size=20")));
      measure(
          "list /apis/v2beta1/pipelines?page_size=200 (filtered by name)",
          http,
          clients,
          window,
          i ->
              HttpRequest.newBuilder(
                  base.resolve(
                      "/apis/v2beta1/pipelines?page_size=200&filter=%257B%2522predicates%2522%253A%255B%257B%2522key%2522%253A%2522name%2522%252C%2522operation%2522%253A%2522EQUALS%2522%252C%2522string_value%2522%253A%2522bench-500%2522%257D%255D%257D")));
    }
  }

  private static HttpRequest.Builder get(URI base, List<String> ids, int i) {
    return HttpRequest.newBuilder(
        base.resolve("/apis/v2beta1/pipelines/" + ids.get(i % ids.size())));
  }

  private static void measure(
      String name,
      HttpClient http,
      int clients,
      Duration window,
      IntFunction<HttpRequest.Builder> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long deadline = System.nanoTime() + window.toNanos();
    List<Future<Integer>> counts = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      counts.add(
          pool.submit(
              () -> {
                int done = 0;
                while (System.nanoTime() < deadline) {
                  send(http, request.apply(done));
                  done++;
                }
                return done;
              }));
    }
    long total = 0;
    for (Future<Integer> count : counts) {
      total += count.get();
    }
    pool.shutdown();
    System.out.printf(
        "%-62s %8.0f requests/s (%d clients, %d s)%n",
        name, total / (double) window.toSeconds(), clients, window.toSeconds());
  }

  private static String send(HttpClient http, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
