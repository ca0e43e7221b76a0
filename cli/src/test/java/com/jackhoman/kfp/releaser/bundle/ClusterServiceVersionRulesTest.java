package com.jackhoman.kfp.releaser.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ClusterServiceVersion keeps the rules of operator-framework/api's validators ({@code
 * pkg/validation/internal/}: csv, bundle, operatorhub, good practices) and the practical bar for a
 * restricted, least-privilege operator Deployment.
 */
class ClusterServiceVersionRulesTest {

  private static final Pattern SEMVER =
      Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$");
  private static final Set<String> CAPABILITIES =
      Set.of("Basic Install", "Seamless Upgrades", "Full Lifecycle", "Deep Insights", "Auto Pilot");
  private static final Set<String> CATEGORIES =
      Set.of(
          "AI/Machine Learning",
          "Application Runtime",
          "Big Data",
          "Cloud Provider",
          "Developer Tools",
          "Database",
          "Integration & Delivery",
          "Logging & Tracing",
          "Monitoring",
          "Modernization & Migration",
          "Networking",
          "OpenShift Optional",
          "Security",
          "Storage",
          "Streaming & Messaging",
          "Observability");
  private static final List<String> PLURALS =
      List.of("pipelines", "pipelineversions", "recurringruns", "experiments");

  private static final String INSTALL = "/spec/install/spec";

  private static JsonNode csv;
  private static ProjectCoordinates project;

  @BeforeAll
  static void readBundle() throws IOException {
    csv = BundleFiles.csv();
    project = BundleFiles.project();
  }

  @Test
  void nameIsPackageDotVersionAndUsableAsALabelValue() {
    String name = csv.path("metadata").path("name").asText();
    String version = csv.path("spec").path("version").asText();

    assertThat(name).isEqualTo("kfp-releaser.v" + version).hasSizeLessThanOrEqualTo(63);
    assertThat(DNS_SUBDOMAIN.matcher(name).matches()).as(name).isTrue();
    assertThat(version).matches(SEMVER).isEqualTo(project.version());
  }

  @Test
  void operatorHubFieldsAreFilledWithValidValues() {
    JsonNode spec = csv.path("spec");
    JsonNode annotations = csv.path("metadata").path("annotations");

    assertThat(spec.path("displayName").asText()).isNotBlank();
    assertThat(spec.path("description").asText())
        .contains("## Quick start", "Pipeline", "PipelineVersion", "RecurringRun", "Experiment");
    assertThat(spec.path("provider").path("name").asText()).isNotBlank();
    assertThat(spec.path("keywords")).isNotEmpty();
    assertThat(spec.path("maturity").asText()).isNotBlank();
    assertThat(spec.path("maintainers"))
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.path("name").asText()).isNotBlank();
              assertThat(m.path("email").asText()).matches(EMAIL);
            });
    assertThat(spec.path("links"))
        .isNotEmpty()
        .allSatisfy(
            link -> {
              assertThat(link.path("name").asText()).isNotBlank();
              assertThat(URI.create(link.path("url").asText()).isAbsolute()).isTrue();
            });
    assertThat(CAPABILITIES).contains(annotations.path("capabilities").asText());
    assertThat(CATEGORIES).containsAll(List.of(annotations.path("categories").asText().split(",")));
    assertThat(annotations.path("description").asText()).isNotBlank();
    assertThat(URI.create(annotations.path("repository").asText()).isAbsolute()).isTrue();
    assertThat(annotations.path("support").asText()).isNotBlank();
  }

  @Test
  void createdAtIsFixedInTheTemplateNotStampedAtBuildTime() throws IOException {
    JsonNode template = BundleYaml.read(Path.of("olm", "clusterserviceversion.yaml"));
    String createdAt = csv.path("metadata").path("annotations").path("createdAt").asText();

    assertThat(createdAt)
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")
        .isEqualTo(template.path("metadata").path("annotations").path("createdAt").asText());
  }

  @Test
  void minKubeVersionIsStrictSemverAndHasCelTransitionRules() {
    String minKubeVersion = csv.path("spec").path("minKubeVersion").asText();

    assertThat(minKubeVersion).matches(SEMVER);
    String[] parts = minKubeVersion.split("\\.");
    assertThat(Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1]))
        .as("x-kubernetes-validations with oldSelf need Kubernetes 1.25")
        .isGreaterThanOrEqualTo(125);
  }

  @Test
  void allFourInstallModesAreListedAndNamespaceModesReadTheTargetNamespaces() {
    Map<String, Boolean> modes = new TreeMap<>();
    csv.path("spec")
        .path("installModes")
        .forEach(m -> modes.put(m.path("type").asText(), m.path("supported").asBoolean()));

    assertThat(modes)
        .containsOnlyKeys("OwnNamespace", "SingleNamespace", "MultiNamespace", "AllNamespaces")
        .containsEntry("AllNamespaces", true);
    assertThat(csv.path("spec").path("installModes")).hasSize(4);
    boolean narrows =
        modes.entrySet().stream()
            .anyMatch(m -> !m.getKey().equals("AllNamespaces") && m.getValue());
    if (narrows) {
      assertThat(env(operatorContainer(), "WATCH_NAMESPACES").path("valueFrom").path("fieldRef"))
          .hasToString("{\"fieldPath\":\"metadata.annotations['olm.targetNamespaces']\"}");
    }
  }

  @Test
  void ownedKindsAreTheFourCrdsWithNamesVersionsAndHelp() throws IOException {
    JsonNode owned = csv.path("spec").path("customresourcedefinitions").path("owned");

    assertThat(owned).hasSize(PLURALS.size());
    for (JsonNode api : owned) {
      JsonNode crd = crd(api.path("name").asText());
      assertThat(api.path("kind").asText())
          .isEqualTo(crd.path("spec").path("names").path("kind").asText());
      assertThat(api.path("version").asText())
          .isEqualTo(crd.path("spec").path("versions").path(0).path("name").asText());
      assertThat(api.path("displayName").asText()).isNotBlank();
      assertThat(api.path("description").asText()).isNotBlank();
    }
  }

  @Test
  void everySpecFieldHasADescriptorAndStatusShowsTheConditions() throws IOException {
    for (JsonNode api : csv.path("spec").path("customresourcedefinitions").path("owned")) {
      JsonNode schema =
          crd(api.path("name").asText())
              .path("spec")
              .path("versions")
              .path(0)
              .path("schema")
              .path("openAPIV3Schema")
              .path("properties");
      Set<String> described = new HashSet<>();
      api.path("specDescriptors").forEach(d -> described.add(d.path("path").asText()));

      assertThat(described)
          .as(api.path("kind").asText())
          .containsExactlyInAnyOrderElementsOf(leafPaths(schema.path("spec"), ""));
      assertThat(api.path("specDescriptors"))
          .allSatisfy(d -> assertThat(d.path("description").asText()).isNotBlank());
      assertThat(api.path("statusDescriptors"))
          .anySatisfy(
              d -> {
                assertThat(d.path("path").asText()).isEqualTo("conditions");
                assertThat(d.path("x-descriptors").toString())
                    .contains("urn:alm:descriptor:io.kubernetes.conditions");
              });
    }
  }

  @Test
  void iconIsTheOneSvgOfOlm() throws IOException {
    JsonNode icons = csv.path("spec").path("icon");

    assertThat(icons).hasSize(1);
    assertThat(icons.path(0).path("mediatype").asText()).isEqualTo("image/svg+xml");
    assertThat(Base64.getDecoder().decode(icons.path(0).path("base64data").asText()))
        .isEqualTo(Files.readAllBytes(Path.of("olm", "icon.svg")));
  }

  @Test
  void deploymentRunsThePinnedImageWithProbesResourcesAndARestrictedSecurityContext() {
    JsonNode pod = podSpec();
    JsonNode container = operatorContainer();

    assertThat(csv.path("spec").path("install").path("strategy").asText()).isEqualTo("deployment");
    assertThat(pod.path("serviceAccountName").asText()).isNotIn("", "default");
    assertThat(container.path("image").asText())
        .isEqualTo(project.image())
        .isEqualTo(csv.path("metadata").path("annotations").path("containerImage").asText())
        .isEqualTo(csv.path("spec").path("relatedImages").path(0).path("image").asText())
        .doesNotEndWith(":latest");
    assertThat(container.path("args").toString()).isEqualTo("[\"run\"]");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/readyz");
    JsonNode resources = container.path("resources");
    assertThat(resources.path("requests").path("cpu").asText()).isNotBlank();
    assertThat(resources.path("requests").path("memory").asText()).isNotBlank();
    assertThat(resources.path("limits").path("memory").asText()).isNotBlank();
    JsonNode security = container.path("securityContext");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText())
        .isEqualTo("RuntimeDefault");
    assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
  }

  @Test
  void deploymentMountsAKfpAudienceTokenAndPointsTheOperatorAtIt() {
    JsonNode token = podSpec().at("/volumes/0/projected/sources/0/serviceAccountToken");

    assertThat(token.path("audience").asText()).isEqualTo("pipelines.kubeflow.org");
    assertThat(env(operatorContainer(), "KFP_TOKEN_FILE").path("value").asText())
        .isEqualTo("/var/run/secrets/kfp/" + token.path("path").asText());
    assertThat(
            env(operatorContainer(), "POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.namespace");
  }

  @Test
  void clusterPermissionsAreTheRulesOfTheOperatorsClusterRoleForItsAccount() throws IOException {
    JsonNode permissions = csv.at(INSTALL).path("clusterPermissions");

    assertThat(permissions).hasSize(1);
    assertThat(permissions.path(0).path("serviceAccountName").asText())
        .isEqualTo(podSpec().path("serviceAccountName").asText());
    assertThat(permissions.path(0).path("rules"))
        .as("the rules OperatorRbacIT derives from the operator's requests")
        .isEqualTo(BundleYaml.read(Path.of("olm/operator/cluster-role.yaml")).path("rules"));
  }

  @Test
  void permissionsInTheOperatorsNamespaceAreTheRulesOfItsLeaderElectionRole() throws IOException {
    JsonNode permissions = csv.at(INSTALL).path("permissions");

    assertThat(permissions).hasSize(1);
    assertThat(permissions.path(0).path("serviceAccountName").asText())
        .isEqualTo(podSpec().path("serviceAccountName").asText());
    assertThat(permissions.path(0).path("rules"))
        .isEqualTo(
            BundleYaml.read(Path.of("olm/operator/leader-election-role.yaml")).path("rules"));
  }

  @Test
  void noPermissionUsesAWildcardOrResourceNames() {
    for (String rules : List.of("/clusterPermissions/0/rules", "/permissions/0/rules")) {
      assertThat(csv.at(INSTALL + rules)).isNotEmpty();
      for (JsonNode rule : csv.at(INSTALL + rules)) {
        assertThat(rule.toString()).doesNotContain("\"*\"");
        assertThat(rule.has("resourceNames")).isFalse();
        assertThat(rule.has("nonResourceURLs")).isFalse();
      }
    }
  }

  private static JsonNode operatorContainer() {
    return podSpec().path("containers").path(0);
  }

  private static JsonNode podSpec() {
    return csv.at(INSTALL + "/deployments/0/spec/template/spec");
  }

  private static JsonNode env(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError("the operator container has no env " + name);
  }

  private static JsonNode crd(String name) throws IOException {
    Path file = BundleFiles.MANIFESTS.resolve(name + ".yaml");
    assertThat(file).as("owned CRD " + name + " is in the bundle").isRegularFile();
    JsonNode crd = BundleYaml.read(file);
    assertThat(crd.path("metadata").path("name").asText()).isEqualTo(name);
    return crd;
  }

  /**
   * The paths of a schema's fields a form can set: nested objects are walked, the rest are leaves.
   */
  private static List<String> leafPaths(JsonNode schema, String prefix) {
    List<String> paths = new ArrayList<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            field -> {
              JsonNode child = field.getValue();
              String path = prefix + field.getKey();
              if (child.has("properties")
                  && !child.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                paths.addAll(leafPaths(child, path + "."));
              } else {
                paths.add(path);
              }
            });
    return paths;
  }
}
