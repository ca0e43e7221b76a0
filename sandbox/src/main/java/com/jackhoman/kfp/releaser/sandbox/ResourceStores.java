package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The embedded API's objects, one {@link FaithfulCrudDispatcher} per resource, as kube-apiserver
 * keeps one key prefix per resource: the fabric8 store finds objects by scanning all it holds, so a
 * request scans only the objects of its own resource, not every event and object of the API. A
 * {@link NamespaceController} empties and removes namespaces that are deleted.
 */
final class ResourceStores implements AutoCloseable {

  private static final String CRDS = "apiextensions.k8s.io/customresourcedefinitions";
  private static final String CRD_LIST = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String NAMESPACES = "/namespaces";

  private final WriteReview review;
  private final Consumer<StoredChange> changes;
  private final Map<String, FaithfulCrudDispatcher> byResource = new ConcurrentHashMap<>();
  private final AtomicLong resourceVersions = new AtomicLong();
  private final NamespaceController namespaceController;

  /**
   * Stores that ask {@code review} before every write and report every change to {@code changes}.
   */
  ResourceStores(WriteReview review, Consumer<StoredChange> changes) {
    this.review = review;
    this.changes = changes;
    byResource.put(CRDS, newStore());
    FaithfulCrudDispatcher namespaces = newStore();
    byResource.put(NAMESPACES, namespaces);
    namespaceController = new NamespaceController(byResource::values, namespaces);
  }

  /** The store of the resource {@code path} addresses. */
  FaithfulCrudDispatcher of(ApiPath path) {
    String resource = path.group() + "/" + path.resource();
    FaithfulCrudDispatcher store = byResource.get(resource);
    if (store != null) {
      return store;
    }
    FaithfulCrudDispatcher fresh = newStore();
    teach(fresh);
    FaithfulCrudDispatcher raced = byResource.putIfAbsent(resource, fresh);
    return raced != null ? raced : fresh;
  }

  /**
   * The latest resourceVersion of any store: what a list answers with, so that a watch from it
   * misses no change of any store.
   */
  long resourceVersion() {
    return resourceVersions.get();
  }

  /** Reads through the store of the resource {@code pathAndQuery} addresses. */
  MockResponse get(String pathAndQuery) {
    return of(ApiPath.parse(pathAndQuery)).handleGet(pathAndQuery);
  }

  /** Tells every store of custom resources about a CRD that was just written. */
  void definitionWritten() {
    byResource.forEach(
        (resource, store) -> {
          if (!resource.equals(CRDS) && !resource.equals(NAMESPACES)) {
            teach(store);
          }
        });
  }

  /** Stops the namespace controller. */
  @Override
  public void close() {
    namespaceController.close();
  }

  private FaithfulCrudDispatcher newStore() {
    return new FaithfulCrudDispatcher(
        review, this::report, this::namespace, resourceVersions::incrementAndGet);
  }

  private void report(StoredChange change) {
    changes.accept(change);
    namespaceController.changed(change);
  }

  private void teach(FaithfulCrudDispatcher store) {
    String crds = new String(get(CRD_LIST).getBody().getBytes(), StandardCharsets.UTF_8);
    Serialization.unmarshal(
            crds,
            io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList.class)
        .getItems()
        .forEach(
            (CustomResourceDefinition crd) ->
                store.expectCustomResource(CustomResourceDefinitionContext.fromCrd(crd)));
  }

  private Optional<JsonNode> namespace(String name) {
    MockResponse response = get("/api/v1/namespaces/" + name);
    return response.code() == 200
        ? Optional.of(Serialization.unmarshal(response.getBody().readUtf8(), JsonNode.class))
        : Optional.empty();
  }
}
