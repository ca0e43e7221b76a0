package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The faithful dispatcher answers fabric8 client writes as kube-apiserver does. */
class FaithfulCrudDispatcherIT {

  private static final String NAMESPACE = "demo";
  private static final ResourceDefinitionContext RECURRING_RUNS =
      new ResourceDefinitionContext.Builder()
          .withGroup("kfp.jackhoman.com")
          .withVersion("v1alpha1")
          .withKind("RecurringRun")
          .withPlural("recurringruns")
          .withNamespaced(true)
          .build();

  private static FaithfulMockServer server;
  private static KubernetesClient client;

  @BeforeAll
  static void startServerWithOurCrds() throws IOException {
    server = FaithfulMockServer.start();
    client = server.newClient();
    try (Stream<Path> crds = Files.list(Path.of("crds"))) {
      for (Path crd :
          crds.filter(f -> f.toString().endsWith(".kfp.jackhoman.com.yaml")).sorted().toList()) {
        client.resource(Files.readString(crd)).fieldManager("test").serverSideApply();
      }
    }
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .fieldManager("test")
        .serverSideApply();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void serverSideApplyCreatesAMissingObjectAtGenerationOne() {
    GenericKubernetesResource created = apply(run("created", List.of("a")));

    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(runs().withName("created").get()).isNotNull();
  }

  @Test
  void serverSideApplyReplacesListsInsteadOfAppendingToThem() {
    apply(run("replaced", List.of("a", "b")));

    GenericKubernetesResource applied = apply(run("replaced", List.of("c")));

    assertThat(parameterNames(applied)).containsExactly("c");
    assertThat(parameterNames(runs().withName("replaced").get())).containsExactly("c");
    assertThat(applied.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void serverSideApplyKeepsFinalizersAsSentAndLeavesThemAloneWhenNotSent() {
    GenericKubernetesResource run = run("finalized", List.of("a"));
    run.getMetadata().setFinalizers(List.of("x/one", "x/two"));
    apply(run);

    run.getMetadata().setFinalizers(List.of("x/two"));
    assertThat(apply(run).getMetadata().getFinalizers()).containsExactly("x/two");

    run.getMetadata().setFinalizers(null);
    assertThat(apply(run).getMetadata().getFinalizers()).containsExactly("x/two");
  }

  @Test
  void serverSideApplyWithForceIsAccepted() {
    GenericKubernetesResource forced =
        runs()
            .resource(run("forced", List.of("a")))
            .fieldManager("x")
            .forceConflicts()
            .serverSideApply();

    assertThat(forced.getMetadata().getResourceVersion()).isNotBlank();
  }

  @Test
  void serverSideApplyWithoutFieldManagerIsRejectedAsInvalid() throws Exception {
    HttpResponse<String> response =
        raw(
            "PATCH",
            "/apis/kfp.jackhoman.com/v1alpha1/namespaces/demo/recurringruns/nomanager",
            "application/apply-patch+yaml",
            "{\"apiVersion\":\"kfp.jackhoman.com/v1alpha1\",\"kind\":\"RecurringRun\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("PatchOptions.meta.k8s.io \\\"\\\" is invalid: fieldManager: Required value");
  }

  @Test
  void jsonMergePatchReplacesListsAndRemovesKeysSetToNull() {
    apply(run("merged", List.of("a", "b")));

    GenericKubernetesResource patched =
        runs()
            .withName("merged")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"parameters\":[{\"name\":\"c\",\"value\":\"3\"}],"
                    + "\"description\":null}}");

    assertThat(parameterNames(patched)).containsExactly("c");
    assertThat(spec(patched)).doesNotContainKey("description").containsKey("versionRef");
  }

  @Test
  void jsonMergePatchOfAMissingObjectIsNotFound() {
    assertThatThrownBy(
            () ->
                runs()
                    .withName("ghost")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("recurringruns.kfp.jackhoman.com \"ghost\" not found");
  }

  @Test
  void generationGrowsWithSpecChangesOnly() {
    apply(run("generations", List.of("a")));
    Resource<GenericKubernetesResource> resource = runs().withName("generations");

    resource.patch(
        PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"team\":\"x\"}}}");
    resource.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), readyStatus());
    assertThat(resource.get().getMetadata().getGeneration()).isEqualTo(1L);

    resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
    assertThat(resource.get().getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void statusSubresourceWritesTouchOnlyStatus() {
    apply(run("status-only", List.of("a")));
    Resource<GenericKubernetesResource> resource = runs().withName("status-only");

    resource
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"suspend\":true},\"status\":{\"id\":\"run-1\"}}");

    GenericKubernetesResource stored = resource.get();
    assertThat(stored.get("status", "id").toString()).isEqualTo("run-1");
    assertThat(spec(stored)).doesNotContainKey("suspend");
  }

  @Test
  void mainResourceWritesNeverTouchStatus() {
    apply(run("spec-only", List.of("a")));
    Resource<GenericKubernetesResource> resource = runs().withName("spec-only");
    resource.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), readyStatus());

    resource.patch(
        PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true},\"status\":null}");
    GenericKubernetesResource withStatus = run("spec-only", List.of("a"));
    withStatus.setAdditionalProperty("status", Map.of("id", "overwritten"));
    apply(withStatus);

    assertThat(resource.get().get("status", "id").toString()).isEqualTo("run-1");
  }

  @Test
  void deletingAnObjectWithAFinalizerMarksItUntilTheLastFinalizerIsRemoved() {
    GenericKubernetesResource run = run("terminating", List.of("a"));
    run.getMetadata().setFinalizers(List.of("x/cleanup"));
    apply(run);
    Resource<GenericKubernetesResource> resource = runs().withName("terminating");

    resource.delete();
    GenericKubernetesResource marked = resource.get();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotBlank();
    assertThat(marked.getMetadata().getDeletionGracePeriodSeconds()).isZero();
    assertThat(marked.getMetadata().getGeneration()).isEqualTo(2L);

    resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    assertThat(resource.get()).isNull();
  }

  @Test
  void deletingAnObjectWithoutFinalizersRemovesItAtOnce() {
    apply(run("gone", List.of("a")));

    assertThat(runs().withName("gone").delete()).hasSize(1);
    assertThat(runs().withName("gone").get()).isNull();
  }

  @Test
  void writeBasedOnAStaleResourceVersionIsAConflict() {
    GenericKubernetesResource stale = apply(run("stale", List.of("a")));
    apply(run("stale", List.of("b")));

    assertThatThrownBy(() -> runs().resource(stale).update())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(
            "Operation cannot be fulfilled on recurringruns.kfp.jackhoman.com \"stale\"")
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(409);
    String stalePatch =
        "{\"metadata\":{\"resourceVersion\":\""
            + stale.getMetadata().getResourceVersion()
            + "\"},\"spec\":{\"suspend\":true}}";
    assertThatThrownBy(
            () -> runs().withName("stale").patch(PatchContext.of(PatchType.JSON_MERGE), stalePatch))
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(409);
  }

  @Test
  void creatingInANamespaceThatDoesNotExistIsNotFound() {
    GenericKubernetesResource elsewhere = run("elsewhere", List.of("a"));
    elsewhere.getMetadata().setNamespace("nosuch");

    assertThatThrownBy(
            () ->
                client
                    .genericKubernetesResources(RECURRING_RUNS)
                    .inNamespace("nosuch")
                    .resource(elsewhere)
                    .create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("namespaces \"nosuch\" not found");
  }

  @Test
  void strategicMergePatchOfACustomResourceIsUnsupported() throws Exception {
    apply(run("strategic", List.of("a")));

    HttpResponse<String> response =
        raw(
            "PATCH",
            "/apis/kfp.jackhoman.com/v1alpha1/namespaces/demo/recurringruns/strategic",
            "application/strategic-merge-patch+json",
            "{\"spec\":{\"suspend\":true}}");

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void aNewCustomResourceDefinitionIsEstablishedWithItsNamesAccepted() {
    CustomResourceDefinition crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("recurringruns.kfp.jackhoman.com")
            .get();

    assertThat(crd.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("NamesAccepted=True", "Established=True");
    assertThat(crd.getStatus().getAcceptedNames().getKind()).isEqualTo("RecurringRun");
    assertThat(crd.getStatus().getStoredVersions()).containsExactly("v1alpha1");
  }

  @Test
  void objectsOfOneNameInTwoNamespacesStayApartThroughRelabelsAndDeletes() {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName("other").endMetadata().build())
        .fieldManager("test")
        .serverSideApply();
    apply(run("twin", List.of("here")));
    GenericKubernetesResource there = run("twin", List.of("there"));
    there.getMetadata().setNamespace("other");
    client.genericKubernetesResources(RECURRING_RUNS).resource(there).create();

    runs().withName("twin").edit(run -> labelled(run, "relabelled"));

    assertThat(parameterNames(runs().withName("twin").get())).containsExactly("here");
    assertThat(runs().withName("twin").get().getMetadata().getLabels())
        .containsEntry("relabelled", "yes");
    Resource<GenericKubernetesResource> otherTwin =
        client.genericKubernetesResources(RECURRING_RUNS).inNamespace("other").withName("twin");
    assertThat(parameterNames(otherTwin.get())).containsExactly("there");
    runs().withName("twin").delete();
    assertThat(runs().withName("twin").get()).isNull();
    assertThat(parameterNames(otherTwin.get())).containsExactly("there");
    assertThat(runs().resource(run("twin", List.of("again"))).create()).isNotNull();
    assertThat(parameterNames(runs().withName("twin").get())).containsExactly("again");
  }

  private static GenericKubernetesResource labelled(GenericKubernetesResource run, String label) {
    run.getMetadata().setLabels(Map.of(label, "yes"));
    return run;
  }

  private static String readyStatus() {
    return "{\"status\":{\"id\":\"run-1\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}";
  }

  private static GenericKubernetesResource apply(GenericKubernetesResource run) {
    return runs().resource(run).fieldManager("test").serverSideApply();
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      runs() {
    return client.genericKubernetesResources(RECURRING_RUNS).inNamespace(NAMESPACE);
  }

  private static GenericKubernetesResource run(String name, List<String> parameters) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("kfp.jackhoman.com/v1alpha1")
        .withKind("RecurringRun")
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of(
                "versionRef",
                "v1",
                "description",
                "every hour",
                "schedule",
                Map.of("cron", "0 * * * *"),
                "parameters",
                parameters.stream().map(p -> Map.of("name", p, "value", "1")).toList()))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource object) {
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static List<String> parameterNames(GenericKubernetesResource object) {
    return ((List<Map<String, Object>>) spec(object).get("parameters"))
        .stream().map(p -> (String) p.get("name")).toList();
  }

  private static HttpResponse<String> raw(String method, String path, String type, String body)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", type)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
