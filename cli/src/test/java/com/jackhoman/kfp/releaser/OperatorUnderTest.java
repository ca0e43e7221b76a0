package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator under test: the operator {@code run} builds, over a KFP emulator, against the
 * embedded Kubernetes API (the default; no cluster can run on the build machine) or a real cluster
 * from the current kubeconfig when run with {@code -Dkfp.test.cluster=real}.
 */
public final class OperatorUnderTest implements AfterAllCallback {

  /** True when the tests run against a real cluster. */
  public static final boolean REAL_CLUSTER = TestCluster.REAL;

  /** How often the tests' operator re-checks every object against KFP, unless told otherwise. */
  public static final Duration DRIFT_PERIOD = Duration.ofSeconds(1);

  private final KfpEmulator kfp;
  private final TestCluster cluster;
  private final KfpClient client;
  private final ShippedOperatorExtension extension;

  private OperatorUnderTest(
      KfpEmulator kfp,
      Duration driftPeriod,
      Metrics metrics,
      boolean allNamespaces,
      KfpEndpoint endpoint) {
    this.kfp = kfp;
    this.cluster = TestCluster.start();
    this.client = new KfpConnector(Sleeper.system()).connect(endpoint, Optional.empty());
    SyncSettings settings = new SyncSettings(driftPeriod, Clock.systemUTC(), kfp.clock());
    this.extension =
        new ShippedOperatorExtension(cluster, client, settings, allNamespaces, metrics);
  }

  /**
   * An operator over {@code kfp}. Register it in a test class as a static
   * {@code @RegisterExtension @Order(1)} field and its {@link #extension()} as an {@code @Order(2)}
   * one, so that KFP and the API server stop only after the operator has.
   */
  public static OperatorUnderTest over(KfpEmulator kfp) {
    return new OperatorUnderTest(kfp, DRIFT_PERIOD, Metrics.NOOP, false, KfpEndpoint.of(kfp.url()));
  }

  /** An operator over {@code kfp} that re-checks objects against KFP only every {@code period}. */
  public static OperatorUnderTest over(KfpEmulator kfp, Duration driftPeriod) {
    return new OperatorUnderTest(kfp, driftPeriod, Metrics.NOOP, false, KfpEndpoint.of(kfp.url()));
  }

  /** An operator over {@code kfp} whose KFP calls give up after {@code timeout}. */
  public static OperatorUnderTest withKfpTimeout(KfpEmulator kfp, Duration timeout) {
    return new OperatorUnderTest(
        kfp,
        DRIFT_PERIOD,
        Metrics.NOOP,
        false,
        KfpEndpoint.builder(kfp.url()).timeouts(timeout, timeout).build());
  }

  /**
   * An operator over {@code kfp} as it runs in a cluster: watching every namespace (not only the
   * test class's). It re-checks objects against KFP every {@code driftPeriod} and reports each
   * reconcile to {@code metrics}.
   */
  public static OperatorUnderTest asDeployed(
      KfpEmulator kfp, Duration driftPeriod, Metrics metrics) {
    return new OperatorUnderTest(kfp, driftPeriod, metrics, true, KfpEndpoint.of(kfp.url()));
  }

  /** The JUnit extension that runs the operator and creates the test namespace. */
  public ShippedOperatorExtension extension() {
    return extension;
  }

  /** The emulated KFP. */
  public KfpEmulator kfp() {
    return kfp;
  }

  /** A KFP client of the emulated KFP, to look at or change KFP behind the operator's back. */
  public KfpClient kfpClient() {
    return client;
  }

  /**
   * Creates a KFP pipeline without any owner mark, as a person would in the KFP UI (the client
   * always marks what it creates, so this goes to the emulator's REST API directly).
   */
  public void createUnmarkedPipeline(String name) {
    HttpRequest request =
        HttpRequest.newBuilder(kfp.url().resolve("/apis/v2beta1/pipelines"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"" + name + "\",\"display_name\":\"" + name + "\"}"))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("KFP refused the pipeline: " + response.body());
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("Could not reach the KFP emulator", e);
    }
  }

  /** Stops KFP and the embedded API, after the operator extension has cleaned up. */
  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    kfp.close();
    cluster.close();
  }
}
