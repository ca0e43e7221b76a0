package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.ReadyCondition;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many of the workload's objects are Ready, found with one list call per kind across all
 * namespaces (not one GET per object); objects in the probe namespace are left out. What is not
 * Ready is tallied by kind and reason, to say what a run that never converges is waiting for.
 *
 * @param ready how many objects are Ready
 * @param notReady the objects not Ready, counted by "Kind/Reason"
 */
public record ReadyCensus(int ready, Map<String, Integer> notReady) {

  /** Whether every listed object of {@code kind} is Ready. */
  public boolean allReady(String kind) {
    return notReady.keySet().stream().noneMatch(key -> key.startsWith(kind + "/"));
  }

  /** Lists our kinds and counts what is Ready outside {@code probeNamespace}. */
  public static ReadyCensus take(KubernetesClient client, String probeNamespace) {
    int ready = 0;
    Map<String, Integer> notReady = new TreeMap<>();
    for (String kind : ScaleWorkload.KINDS) {
      for (GenericKubernetesResource object :
          client
              .genericKubernetesResources(ScaleWorkload.API_VERSION, kind)
              .inAnyNamespace()
              .list()
              .getItems()) {
        if (probeNamespace.equals(object.getMetadata().getNamespace())) {
          continue;
        }
        Optional<Condition> condition = ReadyCondition.of(object);
        if (isReady(condition)) {
          ready++;
        } else {
          String reason = condition.map(Condition::getReason).orElse("NotReconciled");
          notReady.merge(kind + "/" + reason, 1, Integer::sum);
        }
      }
    }
    return new ReadyCensus(ready, notReady);
  }

  /** Whether a Ready condition says True. */
  public static boolean isReady(Optional<Condition> condition) {
    return condition.map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
