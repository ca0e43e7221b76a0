package com.jackhoman.kfp.releaser.bench;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The least time this machine's embedded Kubernetes API needs for what any operator must cause
 * there for N objects applied at once: the apply itself (from the benchmark's eight threads), then
 * per object a finalizer, a Ready status and an event (from P threads, each object's as soon as it
 * exists), with no operator, no KFP and no watch. That is the Kubernetes side's physical limit in
 * this process, which {@code ceil(N / P) × L} (the KFP side's) leaves out; a real kube-apiserver on
 * its own machine would have a far lower one.
 */
final class KubernetesFloor {

  private static final String FINALIZER = "kfp.jackhoman.com/finalizer";

  private KubernetesFloor() {}

  /**
   * Applies the workload of {@code objects} objects to a fresh embedded API (or, given a
   * kubeconfig, to namespaces of its own there) and writes what an operator must.
   */
  static Duration measure(ScaleOptions options, int objects, Clock clock) throws Exception {
    ExecutorService appliers = Executors.newFixedThreadPool(ScaleRun.APPLY_THREADS);
    ExecutorService operator = Executors.newFixedThreadPool(options.parallelism());
    try (ScaleCluster cluster = ScaleCluster.start(options.kubeconfig(), clock);
        KubernetesClient client = cluster.newClient()) {
      ScaleWorkload workload = cluster.workload(objects);
      cluster.createNamespaces(client, workload);
      try {
        Instant start = clock.instant();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (GenericKubernetesResource object : workload.objects()) {
          done.add(
              CompletableFuture.supplyAsync(() -> client.resource(object).create(), appliers)
                  .thenAcceptAsync(
                      created -> writeAsAnOperatorMust(client, created, clock), operator));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        return Duration.between(start, clock.instant());
      } finally {
        if (cluster.isShared()) {
          workload.objects().forEach(object -> releaseFinalizer(client, object));
        }
        cluster.removeNamespaces(client, workload);
      }
    } finally {
      appliers.shutdownNow();
      operator.shutdownNow();
    }
  }

  /**
   * Takes the floor's finalizer off {@code object}, so that its namespace can go: a merge patch,
   * since {@code resource(object).edit(...)} diffs against {@code object} as the workload made it,
   * without the finalizer, and sent an empty patch (the namespaces stayed Terminating).
   */
  private static void releaseFinalizer(KubernetesClient client, GenericKubernetesResource object) {
    client
        .resource(object)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
  }

  private static void writeAsAnOperatorMust(
      KubernetesClient client, GenericKubernetesResource object, Clock clock) {
    GenericKubernetesResource finalized =
        client
            .resource(object)
            .edit(
                stored -> {
                  stored.getMetadata().setFinalizers(List.of(FINALIZER));
                  return stored;
                });
    client
        .resource(finalized)
        .editStatus(
            stored -> {
              stored.setAdditionalProperty(
                  "status",
                  Map.of(
                      "observedGeneration",
                      1,
                      "conditions",
                      List.of(
                          Map.of(
                              "type", "Ready",
                              "status", "True",
                              "reason", "Synced",
                              "message", "In KFP",
                              "observedGeneration", 1,
                              "lastTransitionTime", clock.instant().toString()))));
              return stored;
            });
    client
        .v1()
        .events()
        .inNamespace(object.getMetadata().getNamespace())
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withGenerateName(object.getMetadata().getName() + ".")
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withName(object.getMetadata().getName())
                .withNamespace(object.getMetadata().getNamespace())
                .endInvolvedObject()
                .withType("Normal")
                .withReason("Created")
                .withMessage("Created in KFP")
                .build())
        .create();
  }
}
