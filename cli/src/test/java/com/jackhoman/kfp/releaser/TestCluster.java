package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import com.jackhoman.kfp.releaser.sandbox.FaithfulMockServer;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes API a test runs against: our embedded API (the default; no cluster can run on the
 * build machine; the faithful mock server for tests that need service accounts or WebSocket
 * watches) or, with {@code -Dkfp.test.cluster=real}, the cluster of the current kubeconfig, where
 * each test's namespaces carry a suffix of this run so that runs never meet. A test deletes its
 * namespaces with {@link #deleteNamespaces} while its operator still runs; what is left at {@link
 * #close()} fails the test (and is cleared from a real cluster).
 */
public final class TestCluster implements AutoCloseable {

  /** True when the tests run against a real cluster. */
  public static final boolean REAL =
      "real".equals(System.getProperty("kfp.test.cluster", "embedded"));

  private static final String RUN = UUID.randomUUID().toString().substring(0, 5);

  private static final List<Class<? extends HasMetadata>> KINDS_IN_DELETION_ORDER =
      List.of(RecurringRun.class, Experiment.class, PipelineVersion.class, Pipeline.class);

  private static final Duration FINALIZE_WITHIN = Duration.ofSeconds(60);

  private final Config config;
  private final Optional<EmbeddedKubernetesApi> embedded;
  private final AutoCloseable server;
  private final KubernetesClient admin;
  private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

  private TestCluster(
      Config config, Optional<EmbeddedKubernetesApi> embedded, AutoCloseable server) {
    this.config = config;
    this.embedded = embedded;
    this.server = server;
    this.admin = newClient();
  }

  /** The embedded API on a free port, or the real cluster; our CRDs installed and established. */
  public static TestCluster start() {
    if (REAL) {
      return real();
    }
    try {
      Path dir = Files.createTempDirectory("test-cluster");
      EmbeddedKubernetesApi api =
          EmbeddedKubernetesApi.start(dir.resolve("kubeconfig"), Clock.systemUTC());
      return new TestCluster(api.clientConfig(), Optional.of(api), api).installCrds();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded Kubernetes API", e);
    }
  }

  /**
   * As {@link #start()}, but on the build machine the faithful mock API server, which also serves
   * service accounts, their TokenRequests and WebSocket watches (the embedded API serves none).
   */
  public static TestCluster startOnMockServer() {
    if (REAL) {
      return real();
    }
    FaithfulMockServer mock = FaithfulMockServer.start();
    Config config;
    try (KubernetesClient client = mock.newClient()) {
      config = client.getConfiguration();
    }
    return new TestCluster(config, Optional.empty(), mock).installCrds();
  }

  private static TestCluster real() {
    return new TestCluster(Config.autoConfigure(null), Optional.empty(), () -> {}).installCrds();
  }

  /** A new client of this cluster with the test's (admin) identity; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * A client for the test's own writes, as a person's kubectl makes them: over HTTP/1.1.
   * kube-apiserver answers a body over 3 MiB with 413 before it has read it; fabric8 7.5.2's JDK
   * client reads that answer over HTTP/1.1, but over HTTP/2 it waits out its timeout and reports
   * "An error has occurred." (request timed out), seen against kube-apiserver v1.32.13 here. The
   * operator's own clients keep run's defaults.
   */
  public KubernetesClient newUserClient() {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(http -> http.preferHttp11())
        .build();
  }

  /** The client configuration: the embedded API's or mock server's, or the current kubeconfig's. */
  public Config clientConfig() {
    return config;
  }

  /**
   * The embedded API, where the test needs its faults or its kubeconfig; empty on a real cluster or
   * the mock server.
   */
  public Optional<EmbeddedKubernetesApi> embedded() {
    return embedded;
  }

  /**
   * The namespace a test calls {@code base}: itself on the embedded API, with this run's suffix on
   * a real cluster. Creates it.
   */
  public String namespace(String base) {
    String name = REAL ? base.toLowerCase(Locale.ROOT) + "-" + RUN : base.toLowerCase(Locale.ROOT);
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
    namespaces.add(name);
    return name;
  }

  /** Creates the service account {@code name} in {@code namespace}. */
  public void serviceAccount(String namespace, String name) {
    admin
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .create();
  }

  /**
   * Deletes our kinds' objects in {@code names}, waits until the (still running) operator has
   * finalized them, failing on a finalizer that stays, then deletes the namespaces and waits until
   * they are gone, as kube-controller-manager removes them.
   */
  public void deleteNamespaces(String... names) {
    for (String namespace : names) {
      for (Class<? extends HasMetadata> kind : KINDS_IN_DELETION_ORDER) {
        admin.resources(kind).inNamespace(namespace).delete();
      }
    }
    await()
        .atMost(FINALIZE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(remaining(names))
                    .as("objects the operator did not finalize within %s", FINALIZE_WITHIN)
                    .isEmpty());
    for (String namespace : names) {
      admin.namespaces().withName(namespace).delete();
    }
    // Polled, not watched: fabric8's mock server starts a watch at now, not at the list's
    // resourceVersion, so a namespace removed between waitUntilCondition's list and its watch
    // was never seen going (RunCommandIT timed out so, one run in two).
    for (String namespace : names) {
      await()
          .atMost(Duration.ofSeconds(REAL ? 120 : 30))
          .pollInterval(Duration.ofMillis(100))
          .alias("namespace " + namespace + " removed")
          .until(() -> admin.namespaces().withName(namespace).get() == null);
      namespaces.remove(namespace);
    }
  }

  private List<String> remaining(String... names) {
    List<String> left = new ArrayList<>();
    for (String namespace : names) {
      for (Class<? extends HasMetadata> kind : KINDS_IN_DELETION_ORDER) {
        for (HasMetadata o : admin.resources(kind).inNamespace(namespace).list().getItems()) {
          left.add(
              o.getKind()
                  + " "
                  + namespace
                  + "/"
                  + o.getMetadata().getName()
                  + " finalizers="
                  + o.getMetadata().getFinalizers());
        }
      }
    }
    return left;
  }

  /**
   * Clears the namespaces a test left behind from a real cluster, finalizers and all, so that no
   * namespace stays Terminating; fails when the test left any of our objects.
   */
  private List<String> clearLeftovers() {
    List<String> left = remaining(namespaces.toArray(String[]::new));
    if (REAL) {
      for (String namespace : namespaces) {
        for (Class<? extends HasMetadata> kind : KINDS_IN_DELETION_ORDER) {
          for (HasMetadata o : admin.resources(kind).inNamespace(namespace).list().getItems()) {
            admin
                .resources(kind)
                .inNamespace(namespace)
                .withName(o.getMetadata().getName())
                .edit(
                    stuck -> {
                      stuck.getMetadata().setFinalizers(List.of());
                      return stuck;
                    });
          }
        }
        admin.namespaces().withName(namespace).delete();
      }
    }
    return left;
  }

  private void stop() {
    try {
      server.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the test's API server", e);
    }
  }

  private TestCluster installCrds() {
    for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
      CustomResourceDefinition crd =
          Serialization.unmarshal(Serialization.asJson(kind.crd()), CustomResourceDefinition.class);
      admin.resource(crd).forceConflicts().serverSideApply();
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(TestCluster::established, 60, TimeUnit.SECONDS);
    }
    return this;
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Clears what the test left (see {@link #clearLeftovers()}), closes the test's client and stops
   * the embedded API; fails when the test left objects of ours behind.
   */
  @Override
  public void close() {
    List<String> left;
    try {
      left = clearLeftovers();
    } finally {
      admin.close();
      stop();
    }
    if (!left.isEmpty()) {
      throw new AssertionError("The test left objects behind: " + left);
    }
  }
}
