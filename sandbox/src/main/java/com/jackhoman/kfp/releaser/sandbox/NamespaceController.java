package com.jackhoman.kfp.releaser.sandbox;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * kube-controller-manager's namespace controller for the embedded API: once a namespace is marked
 * for deletion it deletes every object in it (an object with finalizers is then marked and stays
 * until they are removed), and when nothing is left it has the namespace removed
 * (pkg/controller/namespace/deletion/namespaced_resources_deleter.go, {@code
 * namespacedResourcesDeleter.Delete}). It works on its own thread, after the write that made the
 * change, as the real controller works from a watch; the conditions it writes into the namespace's
 * status on the way are not modelled.
 */
final class NamespaceController implements AutoCloseable {

  private final Supplier<Collection<FaithfulCrudDispatcher>> stores;
  private final FaithfulCrudDispatcher namespaces;
  private final Set<String> terminating = ConcurrentHashMap.newKeySet();

  /** Namespaces with a sweep queued and not yet begun: changes meanwhile need no other one. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "embedded-namespace-controller");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param stores every store, read when a namespace is swept
   * @param namespaces the store of namespaces
   */
  NamespaceController(
      Supplier<Collection<FaithfulCrudDispatcher>> stores, FaithfulCrudDispatcher namespaces) {
    this.stores = stores;
    this.namespaces = namespaces;
  }

  /**
   * Takes note of a stored change: a namespace marked for deletion, or any change in one, sweeps it
   * (again). Called under the writing store's lock, so it only queues the sweep.
   */
  void changed(StoredChange change) {
    String namespace;
    if (change.object().path("kind").asText().equals("Namespace")
        && change.object().path("apiVersion").asText().equals("v1")) {
      namespace = change.object().path("metadata").path("name").asText();
      if (change.type().equals("DELETED")) {
        terminating.remove(namespace);
        return;
      }
      if (!change.object().path("metadata").hasNonNull("deletionTimestamp")
          || !terminating.add(namespace)) {
        return;
      }
    } else {
      namespace = change.object().path("metadata").path("namespace").asText();
      if (!terminating.contains(namespace)) {
        return;
      }
    }
    if (queued.add(namespace)) {
      worker.execute(() -> sweep(namespace));
    }
  }

  /** Deletes what is left in {@code namespace}, and finalizes it once nothing is. */
  private void sweep(String namespace) {
    queued.remove(namespace);
    boolean empty = true;
    for (FaithfulCrudDispatcher store : stores.get()) {
      empty &= store.deleteContentOf(namespace);
    }
    if (empty) {
      namespaces.finalizeNamespace(namespace);
    }
  }

  /** Stops the controller's thread. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
