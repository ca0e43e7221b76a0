package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lost create responses and an operator restart in the middle of a sync leave exactly one KFP
 * object per object of ours.
 */
class ExactlyOnceIT {

  private static final int SETS = 4;
  private static final Duration DRIFT = Duration.ofSeconds(1);

  @Test
  void droppedCreateResponsesAndARestartMidSyncLeaveExactlyOneKfpObjectEach() throws Exception {
    try (TestCluster cluster = TestCluster.start();
        KubernetesClient client = cluster.newClient();
        KfpEmulator kfp = KfpEmulator.builder().clock(Clock.systemUTC()).start()) {
      String team = cluster.namespace("exactly-once");
      kfp.faults().add(FaultRule.dropAfterCommit("POST", "/apis/v2beta1/.*", 0.5));

      OperatorReplica first =
          OperatorReplica.start(client, KfpEndpoint.of(kfp.url()), DRIFT, Set.of(team));
      for (int i = 0; i < SETS; i++) {
        for (String manifest : manifests(i)) {
          client.resource(manifest).inNamespace(team).create();
        }
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> kfp.log().writeCount() >= SETS);
      first.close();
      try (OperatorReplica second =
          OperatorReplica.start(client, KfpEndpoint.of(kfp.url()), DRIFT, Set.of(team))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(notReady(client, team)).isEmpty());
        Map<String, Long> kfpObjectsByName =
            kfp.inventory().stream()
                .filter(
                    row ->
                        row.name().startsWith(team + "/") || row.kind().equals("PipelineVersion"))
                .collect(
                    Collectors.groupingBy(
                        row -> row.kind() + " " + row.name(), Collectors.counting()));
        assertThat(kfpObjectsByName.values()).containsOnly(1L);
        assertThat(kfpObjectsByName).hasSize(SETS * 4);
        assertThat(kfp.log().entries()).anyMatch(entry -> entry.status() == 0);
        kfp.faults().clear();
        cluster.deleteNamespaces(team);
      }
    }
  }

  private static List<String> notReady(KubernetesClient client, String namespace) {
    return CustomResourceDefinitions.load().kinds().stream()
        .flatMap(
            kind ->
                client
                    .genericKubernetesResources(kind.apiVersion(), kind.kind())
                    .inNamespace(namespace)
                    .list()
                    .getItems()
                    .stream())
        .filter(object -> !ready(object))
        .map(object -> object.getKind() + " " + object.getMetadata().getName())
        .toList();
  }

  private static boolean ready(GenericKubernetesResource object) {
    for (JsonNode condition :
        Serialization.jsonMapper().valueToTree(object).at("/status/conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return false;
  }

  private static List<String> manifests(int i) {
    return List.of(
        """
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: RecurringRun
        metadata: {name: nightly-%1$d}
        spec:
          versionRef: train-%1$d-v1
          experimentRef: exp-%1$d
          schedule: {cron: "%1$d 2 * * *"}
        """
            .formatted(i),
        """
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: PipelineVersion
        metadata: {name: train-%1$d-v1}
        spec:
          pipeline: train-%1$d
          workflow:
            pipelineInfo: {name: train}
            root: {dag: {tasks: {}}}
            schemaVersion: 2.1.0
        """
            .formatted(i),
        """
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: Experiment
        metadata: {name: exp-%1$d}
        """
            .formatted(i),
        """
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: Pipeline
        metadata: {name: train-%1$d}
        """
            .formatted(i));
  }
}
