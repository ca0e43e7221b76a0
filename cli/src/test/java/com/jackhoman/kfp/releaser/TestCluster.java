package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes API a test runs against: our embedded API (the default; no cluster can run on the
 * build machine) or, with {@code -Dkfp.test.cluster=real}, the cluster of the current kubeconfig,
 * where each test's namespaces carry a suffix of this run so that runs never meet.
 */
public final class TestCluster implements AutoCloseable {

  /** True when the tests run against a real cluster. */
  public static final boolean REAL =
      "real".equals(System.getProperty("kfp.test.cluster", "embedded"));

  private static final String RUN = UUID.randomUUID().toString().substring(0, 5);

  private final Optional<EmbeddedKubernetesApi> embedded;
  private final KubernetesClient admin;

  private TestCluster(Optional<EmbeddedKubernetesApi> embedded) {
    this.embedded = embedded;
    this.admin = newClient();
  }

  /** The embedded API on a free port, or the real cluster; our CRDs installed and established. */
  public static TestCluster start() {
    TestCluster cluster;
    if (REAL) {
      cluster = new TestCluster(Optional.empty());
    } else {
      try {
        Path dir = Files.createTempDirectory("test-cluster");
        cluster =
            new TestCluster(
                Optional.of(
                    EmbeddedKubernetesApi.start(dir.resolve("kubeconfig"), Clock.systemUTC())));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded Kubernetes API", e);
      }
    }
    cluster.installCrds();
    return cluster;
  }

  /** A new client of this cluster with the test's (admin) identity; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(clientConfig()).build();
  }

  /** The client configuration: the embedded API's, or the current kubeconfig's. */
  public Config clientConfig() {
    return embedded
        .map(EmbeddedKubernetesApi::clientConfig)
        .orElseGet(() -> Config.autoConfigure(null));
  }

  /** The embedded API, where the test needs its faults or its kubeconfig; empty on a real one. */
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
    return name;
  }

  /** Deletes {@code namespace} and waits until it is gone, as kube-controller-manager does it. */
  public void deleteNamespace(String namespace) {
    admin.namespaces().withName(namespace).delete();
    admin
        .namespaces()
        .withName(namespace)
        .waitUntilCondition(ns -> ns == null, REAL ? 120 : 30, TimeUnit.SECONDS);
  }

  private void installCrds() {
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
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Closes the test's client, and stops the embedded API. */
  @Override
  public void close() {
    admin.close();
    embedded.ifPresent(EmbeddedKubernetesApi::close);
  }
}
