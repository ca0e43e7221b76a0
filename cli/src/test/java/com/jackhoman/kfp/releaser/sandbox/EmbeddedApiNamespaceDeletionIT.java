package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.sandbox.RawApi.Answer;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a namespace goes as with kube-apiserver and kube-controller-manager v1.32.13 here: the
 * namespace turns {@code Terminating}, everything in it is deleted (an object with a finalizer is
 * marked and stays until it is removed), new objects are refused with 403, and the namespace is
 * gone once it is empty. Runs against a real cluster too ({@code -Dkfp.test.cluster=real}).
 */
class EmbeddedApiNamespaceDeletionIT {

  private TestCluster cluster;
  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void start() {
    cluster = TestCluster.start();
    client = cluster.newClient();
    namespace = cluster.namespace("leaving");
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.close();
  }

  @Test
  void aDeletedNamespaceEmptiesItselfWaitsForFinalizersAndThenGoes() {
    client.resource(pipeline("held", "[kfp.jackhoman.com/cleanup]")).create();
    client.resource(pipeline("free", "[]")).create();
    client.resource(lease("holder")).create();

    client.namespaces().withName(namespace).delete();

    Namespace terminating = client.namespaces().withName(namespace).get();
    assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
    assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(terminating.getSpec().getFinalizers()).containsExactly("kubernetes");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(pipelines().withName("free").get()).isNull();
              assertThat(client.leases().inNamespace(namespace).withName("holder").get()).isNull();
              assertThat(pipelines().withName("held").get().getMetadata().getDeletionTimestamp())
                  .isNotNull();
            });
    assertThat(client.namespaces().withName(namespace).get()).isNotNull();

    pipelines().withName("held").edit(held -> withoutFinalizers(held));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.namespaces().withName(namespace).get() == null);
  }

  @Test
  void creatingInATerminatingNamespaceIsForbidden() {
    client.resource(pipeline("held", "[kfp.jackhoman.com/cleanup]")).create();
    client.namespaces().withName(namespace).delete();

    Answer answer =
        new RawApi(client)
            .post(
                "/apis/kfp.jackhoman.com/v1alpha1/namespaces/" + namespace + "/pipelines",
                Serialization.asJson(pipeline("new", "[]")));

    assertThat(answer.code()).isEqualTo(403);
    assertThat(answer.message())
        .isEqualTo(
            "pipelines.kfp.jackhoman.com \"new\" is forbidden: unable to create new content in"
                + " namespace "
                + namespace
                + " because it is being terminated");
    assertThat(answer.json().at("/details/causes/0/reason").asText())
        .isEqualTo("NamespaceTerminating");
    pipelines().withName("held").edit(held -> withoutFinalizers(held));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.namespaces().withName(namespace).get() == null);
  }

  private NonNamespaceOperation<Pipeline, KubernetesResourceList<Pipeline>, Resource<Pipeline>>
      pipelines() {
    return client.resources(Pipeline.class).inNamespace(namespace);
  }

  private static Pipeline withoutFinalizers(Pipeline pipeline) {
    pipeline.getMetadata().setFinalizers(null);
    return pipeline;
  }

  private Pipeline pipeline(String name, String finalizers) {
    return Serialization.unmarshal(
        """
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: Pipeline
        metadata: {name: %s, namespace: %s, finalizers: %s}
        spec: {description: Leaves with its namespace.}
        """
            .formatted(name, namespace, finalizers),
        Pipeline.class);
  }

  private Lease lease(String name) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity("test")
        .endSpec()
        .build();
  }
}
