package com.jackhoman.kfp.releaser.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.crud.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The keys of one fabric8 store by namespace and name, so that finding one object costs a map
 * lookup instead of a scan of every key in the store (which made each write of N objects cost O(N),
 * and the whole apply O(N²)). It answers what the scan would, the first key in store order that
 * matches the query, except that a query without a namespace finds only objects without one, as
 * kube-apiserver's cluster-scoped paths do.
 */
final class StoreIndex {

  private static final String NAME = KubernetesAttributesExtractor.NAME;
  private static final String NAMESPACE = KubernetesAttributesExtractor.NAMESPACE;

  private final Map<AttributeSet, String> store;
  private final Map<ObjectName, List<AttributeSet>> keysByName = new HashMap<>();

  /**
   * Guards the index, and orders every change of the store and its index before any lookup through
   * the index.
   */
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** An index of {@code store}, which must change only through {@link #change}. */
  StoreIndex(Map<AttributeSet, String> store) {
    this.store = store;
  }

  /** Whether {@code query} names one object, so that {@link #find} can answer it. */
  static boolean covers(AttributeSet query) {
    Attribute namespace = query.getAttribute(NAMESPACE);
    return isOneValue(query.getAttribute(NAME)) && (namespace == null || isOneValue(namespace));
  }

  /** The stored key and state {@code query} finds; {@code query} must be one {@link #covers}. */
  Optional<Map.Entry<AttributeSet, String>> find(AttributeSet query) {
    ObjectName name = ObjectName.of(query);
    lock.readLock().lock();
    try {
      for (AttributeSet key : keysByName.getOrDefault(name, List.of())) {
        if (key.matches(query)) {
          return Optional.of(Map.entry(key, store.get(key)));
        }
      }
      return Optional.empty();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs {@code write}, which replaces the state under {@code oldKey} (null for a new object) with
   * one under {@code newKey} (null for a removed one), and indexes the change, with no lookup in
   * between.
   */
  void change(AttributeSet oldKey, Runnable write, Supplier<AttributeSet> newKey) {
    lock.writeLock().lock();
    try {
      write.run();
      if (oldKey != null) {
        unindex(oldKey);
      }
      AttributeSet key = newKey.get();
      if (key != null) {
        if (!store.containsKey(key)) {
          throw new IllegalStateException("The store holds no state under the key " + key);
        }
        index(key);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forgets every key, as the store just did. */
  void clear() {
    lock.writeLock().lock();
    try {
      keysByName.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void index(AttributeSet key) {
    if (covers(key)) {
      List<AttributeSet> keys =
          keysByName.computeIfAbsent(ObjectName.of(key), n -> new ArrayList<>());
      keys.remove(key);
      keys.add(key);
    }
  }

  private void unindex(AttributeSet key) {
    if (covers(key)) {
      ObjectName name = ObjectName.of(key);
      List<AttributeSet> keys = keysByName.get(name);
      if (keys != null && keys.remove(key) && keys.isEmpty()) {
        keysByName.remove(name);
      }
    }
  }

  private static boolean isOneValue(Attribute attribute) {
    return attribute != null
        && attribute.getType() == AttributeType.WITH
        && attribute.getValues().size() == 1;
  }

  /** An object's name and namespace (null for a cluster-scoped object). */
  private record ObjectName(Value name, Value namespace) {

    static ObjectName of(AttributeSet attributes) {
      Attribute namespace = attributes.getAttribute(NAMESPACE);
      return new ObjectName(
          attributes.getAttribute(NAME).getValues().get(0),
          namespace == null ? null : namespace.getValues().get(0));
    }
  }
}
