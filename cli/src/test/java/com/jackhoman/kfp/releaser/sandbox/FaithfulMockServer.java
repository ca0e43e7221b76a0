package com.jackhoman.kfp.releaser.sandbox;

import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.ObjectValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * A fabric8 {@link KubernetesMockServer} in CRUD mode on plain HTTP at 127.0.0.1, answering through
 * a {@link FaithfulCrudDispatcher}; for operator tests that need kube-apiserver's write semantics.
 */
public final class FaithfulMockServer implements AutoCloseable {

  private final KubernetesMockServer server;

  private FaithfulMockServer(KubernetesMockServer server) {
    this.server = server;
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static FaithfulMockServer start() {
    return start(new FaithfulCrudDispatcher());
  }

  /**
   * Starts a server on a free port of 127.0.0.1 that also decodes our kinds' objects as
   * kube-apiserver does: unknown fields pruned (refused under {@code fieldValidation=Strict}), and
   * objects that break their CRD's schema or CEL rules refused.
   */
  public static FaithfulMockServer startWithSchemaAdmission() {
    return start(
        new FaithfulCrudDispatcher(
            new SchemaAdmission(new ObjectValidator(CustomResourceDefinitions.load())),
            change -> {}));
  }

  private static FaithfulMockServer start(FaithfulCrudDispatcher dispatcher) {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    return new FaithfulMockServer(server);
  }

  /** A new client of this server; the caller closes it. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /** The server's base URL, e.g. {@code http://localhost:40123}. */
  public String url() {
    return server.url("/").replaceAll("/$", "");
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.destroy();
  }
}
