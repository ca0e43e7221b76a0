package com.jackhoman.kfp.releaser.sandbox;

import com.jackhoman.kfp.releaser.net.HttpServers;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.ObjectValidator;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Kubernetes API in this process that the real {@code kubectl} and fabric8 clients can use: the
 * {@link FaithfulCrudDispatcher} store with admission by our CRDs' schemas and rules, behind an
 * HTTP server on 127.0.0.1 that adds discovery, OpenAPI, Tables and streaming watches.
 */
public final class EmbeddedKubernetesApi implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;
  private final Path kubeconfig;
  private final ApiFaults faults;
  private final ResourceStores stores;

  private EmbeddedKubernetesApi(
      HttpServer server,
      ExecutorService threads,
      Path kubeconfig,
      ApiFaults faults,
      ResourceStores stores) {
    this.server = server;
    this.threads = threads;
    this.kubeconfig = kubeconfig;
    this.faults = faults;
    this.stores = stores;
  }

  /**
   * Starts the API on a free port of 127.0.0.1 with the namespace {@code default}, and writes a
   * kubeconfig pointing at it.
   *
   * @param kubeconfig where to write the kubeconfig
   * @param clock the time that ages in tables are measured against
   */
  public static EmbeddedKubernetesApi start(Path kubeconfig, Clock clock) throws IOException {
    WatchEvents watchEvents = new WatchEvents();
    ApiFaults faults = new ApiFaults(watchEvents, 1);
    SchemaAdmission admission =
        new SchemaAdmission(new ObjectValidator(CustomResourceDefinitions.load()));
    ResourceStores stores = new ResourceStores(admission.and(faults), watchEvents);
    stores
        .of(ApiPath.parse("/api/v1/namespaces"))
        .handleCreate(
            new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.POST,
                "/api/v1/namespaces",
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer(
                    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"default\"}}"
                        .getBytes(StandardCharsets.UTF_8))));
    HttpServer server =
        HttpServers.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "embedded-kubernetes-api");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext(
        "/", new ApiHttpHandler(stores, watchEvents, new ServedResources(stores::get), clock));
    server.start();
    EmbeddedKubernetesApi api =
        new EmbeddedKubernetesApi(server, threads, kubeconfig, faults, stores);
    KubeconfigFile.write(kubeconfig, api.url());
    return api;
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The faults this API injects; none until told. */
  public ApiFaults faults() {
    return faults;
  }

  /** The kubeconfig file that points at this API. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** A new fabric8 client of this API (HTTP watches, namespace {@code default}). */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(clientConfig()).build();
  }

  /**
   * The client configuration {@link #newClient()} uses, for a caller that builds its own client
   * (e.g. with an HTTP interceptor).
   */
  public Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withNamespace("default")
        .withOnlyHttpWatches(true)
        .build();
  }

  /** Stops serving, ends every open watch and stops the namespace controller. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    stores.close();
  }
}
