package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator a test class runs against, built by {@link OperatorAssembly#operator} exactly as
 * {@code run} builds it (server-side apply off, retry, threads, leader election on a Lease in the
 * test's namespace), in a namespace of the test class's own. After the class, it deletes what the
 * class left, waits for the operator to finalize it (a stuck finalizer fails the class), and stops.
 */
public final class ShippedOperatorExtension implements BeforeAllCallback, AfterAllCallback {

  private final TestCluster cluster;
  private final KfpClient kfp;
  private final SyncSettings settings;
  private final boolean allNamespaces;
  private final Metrics metrics;
  private KubernetesClient client;
  private KubernetesClient operatorClient;
  private Operator operator;
  private String namespace;

  ShippedOperatorExtension(
      TestCluster cluster,
      KfpClient kfp,
      SyncSettings settings,
      boolean allNamespaces,
      Metrics metrics) {
    this.cluster = cluster;
    this.kfp = kfp;
    this.settings = settings;
    this.allNamespaces = allNamespaces;
    this.metrics = metrics;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    client = cluster.newUserClient();
    operatorClient = cluster.newClient();
    namespace = cluster.namespace(kebab(context.getRequiredTestClass().getSimpleName()));
    operator =
        OperatorAssembly.operator(
            operatorClient,
            kfp,
            new KfpTenancy(false),
            settings,
            OperatorSettings.defaults()
                .watching(allNamespaces ? Set.of() : Set.of(namespace))
                .reportingTo(metrics)
                .electedBy(
                    // as run elects, but losing the Lease must not exit the test's JVM
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            OperatorSettings.LEASE)
                        .withLeaseNamespace(namespace)
                        .withExitOnStopLeading(false)
                        .build()));
    operator.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      cluster.deleteNamespaces(namespace);
    } finally {
      operator.stop();
      operatorClient.close();
      client.close();
    }
  }

  /** The test class's namespace. */
  public String getNamespace() {
    return namespace;
  }

  /** The test's client of the cluster (not the operator's). */
  public KubernetesClient getKubernetesClient() {
    return client;
  }

  /** Creates {@code resource} in the test's namespace. */
  public <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).inNamespace(namespace).create();
  }

  /** Replaces {@code resource} in the test's namespace. */
  public <T extends HasMetadata> T replace(T resource) {
    return client.resource(resource).inNamespace(namespace).update();
  }

  /** Deletes {@code resource} from the test's namespace; true when it was there. */
  public <T extends HasMetadata> boolean delete(T resource) {
    return !client.resource(resource).inNamespace(namespace).delete().isEmpty();
  }

  /** The object of {@code kind} named {@code name} in the test's namespace, or null. */
  public <T extends HasMetadata> T get(Class<T> kind, String name) {
    return client.resources(kind).inNamespace(namespace).withName(name).get();
  }

  private static String kebab(String className) {
    return Stream.of(className.split("(?<=[a-z0-9])(?=[A-Z])"))
        .map(String::toLowerCase)
        .reduce((a, b) -> a + "-" + b)
        .orElseThrow();
  }
}
