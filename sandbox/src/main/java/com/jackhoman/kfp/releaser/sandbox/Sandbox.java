package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.status.Reason;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import com.jackhoman.kfp.releaser.validate.SourceDocument;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole system in one process: an embedded Kubernetes API that kubectl can use, an emulated
 * KFP, and the operator between them.
 */
public final class Sandbox implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  private final EmbeddedKubernetesApi api;
  private final KfpEmulator kfp;
  private final KfpClient kfpClient;
  private final KubernetesClient kubernetes;
  private final Operator operator;

  private Sandbox(
      EmbeddedKubernetesApi api,
      KfpEmulator kfp,
      KfpClient kfpClient,
      KubernetesClient kubernetes,
      Operator operator) {
    this.api = api;
    this.kfp = kfp;
    this.kfpClient = kfpClient;
    this.kubernetes = kubernetes;
    this.operator = operator;
  }

  /**
   * Starts the API (installing our CRDs), the KFP emulator and the operator.
   *
   * @param kubeconfig where to write the kubeconfig for kubectl
   * @param kfpEmulator the emulator's settings (APIs, latency, faults)
   * @param driftPeriod how often the operator re-checks every object against KFP
   */
  public static Sandbox start(
      Path kubeconfig, KfpEmulator.Builder kfpEmulator, Duration driftPeriod, Clock clock) {
    try {
      EmbeddedKubernetesApi api = EmbeddedKubernetesApi.start(kubeconfig, clock);
      KubernetesClient kubernetes = api.newClient();
      for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
        kubernetes.resource(Serialization.asJson(kind.crd())).create();
      }
      KfpEmulator kfp = kfpEmulator.start();
      KfpClient kfpClient =
          new KfpConnector(Sleeper.system()).connect(KfpEndpoint.of(kfp.url()), Optional.empty());
      Operator operator =
          OperatorAssembly.operator(
              kubernetes,
              kfpClient,
              new KfpTenancy(false),
              new SyncSettings(driftPeriod, clock),
              OperatorSettings.defaults().threads(4));
      operator.start();
      return new Sandbox(api, kfp, kfpClient, kubernetes, operator);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the sandbox", e);
    }
  }

  /** The kubeconfig file kubectl can use. */
  public Path kubeconfig() {
    return api.kubeconfig();
  }

  /** The emulated KFP's URL. */
  public URI kfpUrl() {
    return kfp.url();
  }

  /** The emulated KFP, for tests and for listing what it holds. */
  public KfpEmulator kfp() {
    return kfp;
  }

  /**
   * Applies documents as {@code kubectl apply} would: each into its namespace ({@code default} when
   * it names none), creating the namespace when missing. A document the API server refuses is
   * reported, not fatal.
   */
  public List<AppliedObject> apply(List<SourceDocument> documents) {
    List<AppliedObject> applied = new ArrayList<>();
    for (SourceDocument document : documents) {
      GenericKubernetesResource resource =
          JSON.convertValue(document.content(), GenericKubernetesResource.class);
      String namespace =
          Optional.ofNullable(resource.getMetadata().getNamespace()).orElse("default");
      resource.getMetadata().setNamespace(namespace);
      ensureNamespace(namespace);
      String refused = null;
      try {
        kubernetes.resource(resource).inNamespace(namespace).create();
      } catch (KubernetesClientException e) {
        refused =
            e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getMessage();
      }
      applied.add(
          new AppliedObject(
              resource.getKind(), namespace, resource.getMetadata().getName(), refused));
    }
    return applied;
  }

  private void ensureNamespace(String namespace) {
    if (kubernetes.namespaces().withName(namespace).get() == null) {
      kubernetes
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  /** Where each object stands now. */
  public List<ObjectState> states(List<AppliedObject> objects) {
    List<ObjectState> states = new ArrayList<>();
    for (AppliedObject object : objects) {
      if (object.refused() != null) {
        states.add(new ObjectState(object, false, true, "Refused", object.refused()));
        continue;
      }
      GenericKubernetesResource stored =
          kubernetes
              .genericKubernetesResources(
                  CustomResourceDefinitions.GROUP + "/v1alpha1", object.kind())
              .inNamespace(object.namespace())
              .withName(object.name())
              .get();
      JsonNode ready = readyCondition(stored);
      boolean isReady = "True".equals(ready.path("status").asText());
      String reason = ready.path("reason").asText("Pending");
      boolean terminal =
          !ready.isMissingNode()
              && !isReady
              && java.util.Arrays.stream(Reason.values())
                  .anyMatch(r -> r.name().equals(reason) && r.terminal());
      states.add(
          new ObjectState(
              object,
              isReady,
              isReady || terminal,
              reason,
              ready.path("message").asText("not reconciled yet")));
    }
    return states;
  }

  private static JsonNode readyCondition(GenericKubernetesResource stored) {
    if (stored == null) {
      return JSON.missingNode();
    }
    JsonNode conditions =
        JSON.valueToTree(stored.getAdditionalProperties()).at("/status/conditions");
    for (JsonNode condition : conditions) {
      if ("Ready".equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return JSON.missingNode();
  }

  /** {@code kubectl get <plural> -A} for each of our kinds, as text. */
  public String kubectlTables() {
    StringBuilder text = new StringBuilder();
    for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
      text.append("$ kubectl get ").append(kind.plural()).append(" -A\n");
      JsonNode table = table("/apis/" + kind.apiVersion() + "/" + kind.plural());
      text.append(
          table.path("rows").isEmpty() ? "No resources found\n" : TableText.of(table, true));
      text.append('\n');
    }
    return text.toString();
  }

  /** What exists in the emulated KFP, as a table. */
  public String kfpTable() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("KIND", "NAME", "ID", "DETAIL"));
    for (KfpObjectRow row : kfp.inventory()) {
      lines.add(List.of(row.kind(), row.name(), row.id(), row.detail()));
    }
    return TableText.pad(lines);
  }

  private JsonNode table(String path) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(api.url() + path))
                      .header("Accept", TABLE)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing " + path, e);
    }
  }

  @Override
  public void close() {
    operator.stop();
    kfpClient.close();
    kfp.close();
    kubernetes.close();
    api.close();
  }
}
