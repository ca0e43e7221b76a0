package com.jackhoman.kfp.releaser.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/} renders with {@code kubectl kustomize} into the plain install: the same CRDs,
 * Deployment and RBAC rules as the OLM bundle, in their own namespace.
 */
class KustomizeInstallTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String NAMESPACE = "kfp-releaser";

  private static List<JsonNode> rendered;
  private static JsonNode csvInstall;

  @BeforeAll
  static void render() throws IOException, InterruptedException {
    rendered = Kustomize.render(Path.of("deploy"));
    csvInstall =
        YAML.readTree(Path.of("bundle/manifests/kfp-releaser.clusterserviceversion.yaml").toFile())
            .path("spec")
            .path("install")
            .path("spec");
  }

  @Test
  void rendersEveryObjectOfThePlainInstall() {
    assertThat(rendered)
        .extracting(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
        .containsExactlyInAnyOrder(
            "Namespace/kfp-releaser",
            "CustomResourceDefinition/pipelines.kfp.jackhoman.com",
            "CustomResourceDefinition/pipelineversions.kfp.jackhoman.com",
            "CustomResourceDefinition/recurringruns.kfp.jackhoman.com",
            "CustomResourceDefinition/experiments.kfp.jackhoman.com",
            "ServiceAccount/kfp-releaser",
            "ClusterRole/kfp-releaser",
            "ClusterRoleBinding/kfp-releaser",
            "Role/kfp-releaser-leader-election",
            "RoleBinding/kfp-releaser-leader-election",
            "Deployment/kfp-releaser",
            "Service/kfp-releaser-metrics");
  }

  @Test
  void namespacedObjectsLandInTheOperatorNamespace() {
    assertThat(rendered)
        .filteredOn(
            o ->
                List.of("ServiceAccount", "Deployment", "Service", "Role", "RoleBinding")
                    .contains(o.path("kind").asText()))
        .allSatisfy(
            o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE));
  }

  @Test
  void crdsAreThoseOfTheCrdsFolder() throws IOException {
    for (String plural : List.of("pipelines", "pipelineversions", "recurringruns", "experiments")) {
      String name = plural + ".kfp.jackhoman.com";
      assertThat(Kustomize.find(rendered, "CustomResourceDefinition", name))
          .isEqualTo(YAML.readTree(Path.of("crds", name + ".yaml").toFile()));
    }
  }

  @Test
  void deploymentIsTheOneTheBundleInstalls() {
    assertThat(Kustomize.find(rendered, "Deployment", "kfp-releaser").path("spec"))
        .isEqualTo(csvInstall.path("deployments").path(0).path("spec"));
  }

  @Test
  void clusterRoleHoldsTheBundlesClusterPermissions() {
    assertThat(Kustomize.find(rendered, "ClusterRole", "kfp-releaser").path("rules"))
        .isEqualTo(csvInstall.path("clusterPermissions").path(0).path("rules"));
  }

  @Test
  void leaderElectionRoleHoldsTheBundlesOwnNamespacePermissions() {
    assertThat(Kustomize.find(rendered, "Role", "kfp-releaser-leader-election").path("rules"))
        .isEqualTo(csvInstall.path("permissions").path(0).path("rules"));
  }

  @Test
  void leaderElectionBindingGivesTheRoleToTheAccountTheDeploymentRunsAs() {
    JsonNode binding = Kustomize.find(rendered, "RoleBinding", "kfp-releaser-leader-election");

    assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("Role");
    assertThat(binding.path("roleRef").path("name").asText())
        .isEqualTo("kfp-releaser-leader-election");
    assertThat(binding.path("subjects").path(0).path("name").asText()).isEqualTo("kfp-releaser");
    assertThat(binding.path("subjects").path(0).path("namespace").asText()).isEqualTo(NAMESPACE);
  }

  @Test
  void bindingGivesTheRoleToTheAccountTheDeploymentRunsAs() {
    JsonNode binding = Kustomize.find(rendered, "ClusterRoleBinding", "kfp-releaser");
    JsonNode pod =
        Kustomize.find(rendered, "Deployment", "kfp-releaser")
            .path("spec")
            .path("template")
            .path("spec");

    assertThat(binding.path("roleRef").path("name").asText()).isEqualTo("kfp-releaser");
    assertThat(binding.path("subjects")).hasSize(1);
    assertThat(binding.path("subjects").path(0).path("name").asText())
        .isEqualTo(pod.path("serviceAccountName").asText());
    assertThat(binding.path("subjects").path(0).path("namespace").asText()).isEqualTo(NAMESPACE);
  }

  @Test
  void metricsServiceSelectsTheOperatorPodsOnTheMetricsPort() {
    JsonNode service = Kustomize.find(rendered, "Service", "kfp-releaser-metrics");
    JsonNode template =
        Kustomize.find(rendered, "Deployment", "kfp-releaser").path("spec").path("template");

    assertThat(service.path("spec").path("selector").properties())
        .allSatisfy(
            label ->
                assertThat(template.path("metadata").path("labels").path(label.getKey()))
                    .isEqualTo(label.getValue()));
    assertThat(service.path("spec").path("ports").path(0).path("targetPort").asText())
        .isEqualTo("metrics");
    assertThat(template.path("spec").path("containers").path(0).path("ports"))
        .contains(YAML.createObjectNode().put("containerPort", 8080).put("name", "metrics"));
  }

  @Test
  void namespaceEnforcesTheRestrictedPodSecurityStandard() {
    assertThat(
            Kustomize.find(rendered, "Namespace", NAMESPACE)
                .path("metadata")
                .path("labels")
                .path("pod-security.kubernetes.io/enforce")
                .asText())
        .isEqualTo("restricted");
  }
}
