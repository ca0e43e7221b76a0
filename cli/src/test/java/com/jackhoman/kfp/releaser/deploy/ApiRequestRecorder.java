package com.jackhoman.kfp.releaser.deploy;

import com.jackhoman.kfp.releaser.sandbox.ApiPath;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hears every request one fabric8 client sends to the Kubernetes API and keeps the RBAC permission
 * each one needs, so a test can compare what the operator did with what its role grants.
 */
final class ApiRequestRecorder implements Interceptor {

  private final Map<Permission, Set<String>> used = new ConcurrentHashMap<>();
  private final Set<String> nonResource = ConcurrentHashMap.newKeySet();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

  /**
   * A client of the API server {@code config} points at whose every request this recorder hears.
   */
  KubernetesClient newClient(Config config) {
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("rbac-recorder", this))
        .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
    Permission.of(request.method(), request.uri())
        .ifPresentOrElse(
            permission ->
                used.computeIfAbsent(permission, p -> ConcurrentHashMap.newKeySet())
                    .add(namespaceOf(request)),
            () -> nonResource.add(request.method() + " " + request.uri().getPath()));
  }

  @Override
  public CompletableFuture<Boolean> afterFailure(
      BasicBuilder builder, HttpResponse<?> response, Interceptor.RequestTags tags) {
    if (response.code() == 403) {
      forbidden.add(response.request().method() + " " + response.request().uri());
    }
    return CompletableFuture.completedFuture(false);
  }

  /** The requests the API server refused with 403 Forbidden so far, as "METHOD uri". */
  Set<String> forbidden() {
    return Set.copyOf(forbidden);
  }

  /** The permissions the client's requests needed so far. */
  Set<Permission> used() {
    return Set.copyOf(used.keySet());
  }

  /** The namespaces requests needing {@code permission} went to ({@code ""}: cluster-wide). */
  Set<String> namespacesOf(Permission permission) {
    return Set.copyOf(used.getOrDefault(permission, Set.of()));
  }

  private static String namespaceOf(HttpRequest request) {
    String namespace = ApiPath.parse(request.uri().getRawPath()).namespace();
    return namespace == null ? "" : namespace;
  }

  /** The requests so far that named no resource (discovery, {@code /version}), as "METHOD path". */
  Set<String> nonResource() {
    return Set.copyOf(nonResource);
  }
}
