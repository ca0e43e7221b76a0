package com.jackhoman.kfp.releaser.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's view of whether the workload's objects are Ready, kept by one watch per kind and
 * worked out once per change: a census reads it instead of listing every object from the API, which
 * at thousands of objects cost the system under test a share of its CPU. Objects in the probe
 * namespace are left out.
 */
final class ReadyWatch implements AutoCloseable {

  private static final String READY = "Ready";

  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  /** Per object ("kind/namespace/name"): "Ready", or "Kind/Reason" of why it is not. */
  private final Map<String, String> states = new ConcurrentHashMap<>();

  private final String probeNamespace;

  private ReadyWatch(String probeNamespace) {
    this.probeNamespace = probeNamespace;
  }

  /** Starts watching our kinds in every namespace but {@code probeNamespace}. */
  static ReadyWatch start(KubernetesClient client, String probeNamespace) {
    ReadyWatch watch = new ReadyWatch(probeNamespace);
    for (String kind : ScaleWorkload.KINDS) {
      watch.informers.add(
          client
              .genericKubernetesResources(ScaleWorkload.API_VERSION, kind)
              .inAnyNamespace()
              .inform(watch.handler(kind)));
    }
    return watch;
  }

  /** How many of the watched objects are Ready, and why the others are not. */
  ReadyCensus census() {
    int ready = 0;
    Map<String, Integer> notReady = new TreeMap<>();
    for (String state : states.values()) {
      if (state.equals(READY)) {
        ready++;
      } else {
        notReady.merge(state, 1, Integer::sum);
      }
    }
    return new ReadyCensus(ready, notReady);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }

  private ResourceEventHandler<GenericKubernetesResource> handler(String kind) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource object) {
        note(kind, object);
      }

      @Override
      public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource object) {
        note(kind, object);
      }

      @Override
      public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
        states.remove(key(kind, object));
      }
    };
  }

  private void note(String kind, GenericKubernetesResource object) {
    if (!probeNamespace.equals(object.getMetadata().getNamespace())) {
      states.put(key(kind, object), state(kind, object));
    }
  }

  private static String key(String kind, GenericKubernetesResource object) {
    return kind + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  /**
   * "Ready", or "Kind/Reason" from the Ready condition, read from the object's maps as they are.
   */
  private static String state(String kind, GenericKubernetesResource object) {
    if (object.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && status.get("conditions") instanceof List<?> conditions) {
      for (Object condition : conditions) {
        if (condition instanceof Map<?, ?> fields && READY.equals(fields.get("type"))) {
          return "True".equals(fields.get("status")) ? READY : kind + "/" + fields.get("reason");
        }
      }
    }
    return kind + "/NotReconciled";
  }
}
