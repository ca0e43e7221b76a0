package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpPipeline;
import com.jackhoman.kfp.releaser.kfp.NewExperiment;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures KFP client calls per second over loopback against an in-process KFP emulator, for both
 * adapters: health check, get by id, and a filtered list (find by name), on 1 and 4 threads. Each
 * measurement is bounded in time; run with {@code bench/client.sh}.
 */
public final class KfpClientBench {

  private KfpClientBench() {}

  private static final Duration WARM_UP = Duration.ofSeconds(1);
  private static final Duration MEASURE = Duration.ofSeconds(3);

  /** One operation to repeat. */
  private interface Call {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String packageYaml;
    try (InputStream in =
        KfpClientBench.class.getResourceAsStream("/kfp-packages/hello_world.yaml")) {
      packageYaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (KfpEmulator kfp = KfpEmulator.builder().threads(8).start()) {
      for (KfpApiVersion api : KfpApiVersion.values()) {
        try (KfpClient client =
            new KfpConnector(Sleeper.system())
                .connect(KfpEndpoint.of(kfp.url()), Optional.of(api))) {
          OwnerMark owner = new OwnerMark("bench", api.name().toLowerCase(), "uid-" + api);
          KfpPipeline pipeline =
              client
                  .pipelines()
                  .upload(new NewPipeline("", "bench-" + api, "bench", "", owner), packageYaml);
          client.experiments().create(new NewExperiment("", "bench-" + api, "", owner));
          for (int threads : new int[] {1, 4}) {
            report(api, "health().check()", threads, () -> client.health().check());
            report(
                api, "pipelines().get(id)", threads, () -> client.pipelines().get(pipeline.id()));
            report(
                api,
                "experiments().findByName()",
                threads,
                () -> client.experiments().findByName("", "bench-" + api));
          }
        }
      }
    }
  }

  private static void report(KfpApiVersion api, String call, int threads, Call body)
      throws Exception {
    run(body, threads, WARM_UP);
    long calls = run(body, threads, MEASURE);
    System.out.printf(
        "%-8s %-28s threads=%d  %8.0f calls/s%n",
        api, call, threads, calls / (double) MEASURE.toSeconds());
  }

  private static long run(Call body, int threads, Duration length) throws Exception {
    LongAdder done = new LongAdder();
    long end = System.nanoTime() + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    body.run();
                    done.increment();
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return done.sum();
  }
}
