package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.sandbox.FaithfulMockServer;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The faithful mock API server with the operator's CRDs installed, an admin client to set the
 * scene, and the operator wired as {@code kfp-releaser run} wires it; for ITs that need the whole
 * operator rather than {@link OperatorUnderTest}'s reconcilers.
 */
public final class MockCluster implements AutoCloseable {

  private final FaithfulMockServer server = FaithfulMockServer.start();
  private final KubernetesClient admin = server.newClient();

  private MockCluster() {
    try (Stream<Path> crds = Files.list(Path.of("crds"))) {
      for (Path crd : crds.filter(f -> f.toString().endsWith(".kfp.jackhoman.com.yaml")).toList()) {
        admin.resource(Files.readString(crd)).create();
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Starts a server with the CRDs of {@code crds/}. */
  public static MockCluster start() {
    return new MockCluster();
  }

  /** The server, e.g. for clients of the operator's own. */
  public FaithfulMockServer server() {
    return server;
  }

  /** A client with every right, to set the scene and look at the outcome. */
  public KubernetesClient admin() {
    return admin;
  }

  /** Creates these namespaces. */
  public MockCluster withNamespaces(String... names) {
    for (String name : names) {
      admin
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
    return this;
  }

  /** Creates the service account {@code name} in each of {@code namespaces}. */
  public MockCluster withServiceAccount(String name, String... namespaces) {
    for (String namespace : namespaces) {
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
    return this;
  }

  /**
   * Starts the operator over {@code kfp} through {@code kubernetes} on all namespaces, re-checking
   * objects every second; {@code process} says how it runs, as {@code run}'s flags would.
   */
  public static Operator startOperator(
      KubernetesClient kubernetes, KfpClient kfp, boolean multiUser, OperatorSettings process) {
    Operator operator =
        OperatorAssembly.operator(
            kubernetes,
            kfp,
            new KfpTenancy(multiUser),
            new SyncSettings(
                Duration.ofSeconds(1), 0.1, Clock.systemUTC(), new SplittableRandom(7)),
            process);
    operator.start();
    return operator;
  }

  /** Stops the server. */
  @Override
  public void close() {
    admin.close();
    server.close();
  }
}
