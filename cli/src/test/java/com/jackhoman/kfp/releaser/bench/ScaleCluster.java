package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes API a scale run works against: by default a fresh embedded API of the sandbox in
 * this process; given a kubeconfig, that cluster's (a real kube-apiserver, on its own machines),
 * where a run keeps to namespaces of its own, named after a random run id, and deletes them at the
 * end.
 */
final class ScaleCluster implements AutoCloseable {

  private static final SplittableRandom RUN_IDS = new SplittableRandom();

  private final EmbeddedKubernetesApi embedded;
  private final Config config;
  private final String namespacePrefix;

  private ScaleCluster(EmbeddedKubernetesApi embedded, Config config, String namespacePrefix) {
    this.embedded = embedded;
    this.config = config;
    this.namespacePrefix = namespacePrefix;
  }

  /** A fresh embedded API, or the cluster of {@code kubeconfig}, with our CRDs installed. */
  static ScaleCluster start(Optional<Path> kubeconfig, Clock clock) throws IOException {
    ScaleCluster cluster;
    if (kubeconfig.isEmpty()) {
      EmbeddedKubernetesApi api =
          EmbeddedKubernetesApi.start(
              Files.createTempDirectory("kfp-scale").resolve("kubeconfig"), clock);
      cluster = new ScaleCluster(api, api.clientConfig(), "scale");
    } else {
      // Watches as chunked HTTP responses, which every API server serves (the embedded one
      // serves no WebSocket watches).
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig.get()));
      config.setOnlyHttpWatches(true);
      cluster = new ScaleCluster(null, config, "scale-%05x".formatted(RUN_IDS.nextInt(1 << 20)));
    }
    try (KubernetesClient client = cluster.newClient()) {
      cluster.installDefinitions(client);
    }
    return cluster;
  }

  /** The client settings of this API. */
  Config clientConfig() {
    return config;
  }

  /** A new client of this API. */
  KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Whether the API holds more than this run: a cluster's, where the operator must watch only the
   * run's namespaces and the run must delete them when done.
   */
  boolean isShared() {
    return embedded == null;
  }

  /** The workload of {@code objects} objects, in namespaces of this run. */
  ScaleWorkload workload(int objects) {
    return ScaleWorkload.of(objects, namespacePrefix);
  }

  /** Creates the namespaces of {@code workload}, its probe namespace included. */
  void createNamespaces(KubernetesClient client, ScaleWorkload workload) {
    for (String namespace : workload.allNamespaces()) {
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  /**
   * On a shared cluster, deletes the namespaces of {@code workload} and waits until they are gone
   * (two minutes, and 50 ms more per object); whoever holds finalizers on their objects must still
   * be running. A namespace still there by then fails the run, naming what holds it. An embedded
   * API is simply dropped.
   */
  void removeNamespaces(KubernetesClient client, ScaleWorkload workload) {
    if (!isShared()) {
      return;
    }
    for (String namespace : workload.allNamespaces()) {
      client.namespaces().withName(namespace).delete();
    }
    Instant deadline =
        Instant.now().plus(Duration.ofMinutes(2).plusMillis(50L * workload.objects().size()));
    for (String namespace : workload.allNamespaces()) {
      try {
        client
            .namespaces()
            .withName(namespace)
            .waitUntilCondition(
                Objects::isNull,
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS);
      } catch (KubernetesClientTimeoutException timedOut) {
        throw new IllegalStateException(
            "namespace " + namespace + " is still there: " + heldBy(client, namespace), timedOut);
      }
    }
  }

  /** What keeps {@code namespace}: its objects of our kinds and their finalizers. */
  private static String heldBy(KubernetesClient client, String namespace) {
    List<String> held = new ArrayList<>();
    for (String kind : ScaleWorkload.KINDS) {
      for (GenericKubernetesResource object :
          client
              .genericKubernetesResources(ScaleWorkload.API_VERSION, kind)
              .inNamespace(namespace)
              .list()
              .getItems()) {
        held.add(
            kind
                + "/"
                + object.getMetadata().getName()
                + " "
                + object.getMetadata().getFinalizers());
      }
    }
    return held.isEmpty() ? "none of our objects" : String.join(", ", held);
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  private void installDefinitions(KubernetesClient client) {
    for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
      client
          .resource(Serialization.asJson(kind.crd()))
          .fieldManager("kfp-releaser-scale-bench")
          .forceConflicts()
          .serverSideApply();
      if (isShared()) {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(kind.crd().path("metadata").path("name").asText())
            .waitUntilCondition(ScaleCluster::isEstablished, 1, TimeUnit.MINUTES);
      }
    }
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && Optional.ofNullable(crd.getStatus().getConditions()).orElse(List.of()).stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
