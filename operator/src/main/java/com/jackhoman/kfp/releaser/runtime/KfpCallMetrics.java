package com.jackhoman.kfp.releaser.runtime;

import com.jackhoman.kfp.releaser.kfp.http.KfpCallObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Counts and times the operator's calls to KFP as the Micrometer timer {@code kfp.client.requests}
 * (Prometheus: {@code kfp_client_requests_seconds_count} and {@code _sum}), tagged by method, path
 * template (ids replaced by {@code {id}}) and status.
 */
public final class KfpCallMetrics implements KfpCallObserver {

  private static final Pattern ID_SEGMENT =
      Pattern.compile(
          "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final MeterRegistry registry;

  /** Records into {@code registry}. */
  public KfpCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void called(String method, String path, int status, Duration took) {
    String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Timer.builder("kfp.client.requests")
        .description("Calls from the operator to KFP")
        .tag("method", method)
        .tag("path", ID_SEGMENT.matcher(withoutQuery).replaceAll("/{id}"))
        .tag("status", status == 0 ? "none" : Integer.toString(status))
        .register(registry)
        .record(took);
  }
}
