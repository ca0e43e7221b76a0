package com.jackhoman.kfp.releaser.deploy;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.TestCluster;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import com.jackhoman.kfp.releaser.runtime.OperatorSettings;
import com.jackhoman.kfp.releaser.runtime.ServiceAccountTokens;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The operator's ClusterRole is derived from what the operator really does: the operator, wired as
 * {@code kfp-releaser run} wires it (leader election on, multi-user KFP called with a token per
 * namespace), creates, updates and deletes every kind while each request its Kubernetes client
 * sends is recorded, and the permissions those requests need must be exactly the rules of its
 * ClusterRole and of its leader-election Role, the latter used in the operator's own namespace
 * only, both as {@code deploy/} installs them and as the CSV's clusterPermissions and permissions
 * grant them. On a real cluster the operator runs as a service account bound to exactly {@code
 * deploy/}'s rules ({@link OperatorIdentity}), so the server also refuses what they do not grant.
 */
class OperatorRbacIT {

  private static final Path CLUSTER_ROLE = Path.of("olm/operator/cluster-role.yaml");
  private static final Path LEADER_ELECTION_ROLE =
      Path.of("olm/operator/leader-election-role.yaml");
  private static final Path EXAMPLE = Path.of("examples/typed-inputs");
  private static final Path CSV =
      Path.of("bundle/manifests/kfp-releaser.clusterserviceversion.yaml");
  private static final String KFP_ACCOUNT = "kfp-user";
  private static final String API_VERSION = "kfp.jackhoman.com/v1alpha1";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * What Kubernetes' default roles grant every authenticated client (system:basic-user), so no role
   * of ours needs to: JOSDK asks which lease rights it has before it runs for leader.
   */
  private static final Set<Permission> GRANTED_TO_EVERYONE =
      Set.of(new Permission("authorization.k8s.io", "selfsubjectrulesreviews", "create"));

  /**
   * What JOSDK needs only when a patch of an object's finalizers conflicts, a race this test cannot
   * provoke on purpose: it reads the object again before it retries ({@code
   * ReconciliationDispatcher.conflictRetryingPatch}).
   */
  private static final Set<Permission> NEEDED_ON_CONFLICT =
      Set.of(
          new Permission("kfp.jackhoman.com", "pipelines", "get"),
          new Permission("kfp.jackhoman.com", "pipelineversions", "get"),
          new Permission("kfp.jackhoman.com", "recurringruns", "get"),
          new Permission("kfp.jackhoman.com", "experiments", "get"));

  /**
   * What JOSDK asks for but never uses: before it runs for leader it checks, through a
   * SelfSubjectRulesReview, that it may get, create and update Leases ({@code
   * LeaderElectionManager.checkLeaseAccess}), while fabric8's {@code LeaseLock} renews the Lease
   * with a patch.
   */
  private static final Set<Permission> CHECKED_BEFORE_ELECTION =
      Set.of(new Permission("coordination.k8s.io", "leases", "update"));

  @Test
  void clusterRoleGrantsExactlyWhatTheOperatorNeedsToSyncEveryKindFromCreateToDelete()
      throws IOException {
    ApiRequestRecorder recorder = new ApiRequestRecorder();
    String operatorNamespace;
    try (TestCluster cluster = TestCluster.startOnMockServer();
        KubernetesClient admin = cluster.newClient();
        KfpEmulator kfp = KfpEmulator.builder().multiUser(true).start()) {
      String team = cluster.namespace("rbac-team");
      operatorNamespace = cluster.namespace("rbac-operator");
      cluster.serviceAccount(team, KFP_ACCOUNT);
      try (OperatorIdentity identity =
              OperatorIdentity.in(
                  cluster, admin, operatorNamespace, CLUSTER_ROLE, LEADER_ELECTION_ROLE);
          KubernetesClient operatorClient = recorder.newClient(identity.config());
          KfpClient kfpClient =
              new KfpConnector(Sleeper.system())
                  .connect(
                      KfpEndpoint.of(kfp.url())
                          .withNamespaceTokens(
                              new ServiceAccountTokens(
                                  operatorClient, KFP_ACCOUNT, Clock.systemUTC())),
                      Optional.empty());
          OperatorReplica operator =
              OperatorReplica.over(
                  operatorClient,
                  kfpClient,
                  true,
                  OperatorSettings.defaults()
                      .watching(Set.of(team))
                      .electedBy(
                          // as RunCommand elects, but stopping must not exit the test's JVM
                          LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                                  OperatorSettings.LEASE)
                              .withLeaseNamespace(operatorNamespace)
                              .withExitOnStopLeading(false)
                              .build()))) {
        syncEveryKindFromCreateToDelete(admin, team);
        cluster.deleteNamespaces(team, operatorNamespace);
      }
    }

    Map<String, Rules> sources =
        Map.of(
            "deploy/ (" + CLUSTER_ROLE + ", " + LEADER_ELECTION_ROLE + ")",
            new Rules(rulesOf(CLUSTER_ROLE), rulesOf(LEADER_ELECTION_ROLE)),
            CSV.toString(),
            Rules.ofCsv(CSV));
    Set<Permission> used = new HashSet<>(recorder.used());
    used.removeAll(GRANTED_TO_EVERYONE);
    used.addAll(NEEDED_ON_CONFLICT);
    used.addAll(CHECKED_BEFORE_ELECTION);
    SoftAssertions.assertSoftly(
        softly -> {
          sources.forEach(
              (source, rules) -> {
                softly
                    .assertThat(minus(used, rules.granted()))
                    .as("requests of the operator that no rule of %s allows", source)
                    .isEmpty();
                softly
                    .assertThat(minus(rules.granted(), used))
                    .as("rules of %s that the operator never needed", source)
                    .isEmpty();
                for (Permission permission :
                    minus(
                        minus(rules.ownNamespace(), rules.clusterWide()),
                        CHECKED_BEFORE_ELECTION)) {
                  softly
                      .assertThat(recorder.namespacesOf(permission))
                      .as(
                          "namespaces where the operator needed %s, which %s grants in its own only",
                          permission, source)
                      .containsOnly(operatorNamespace);
                }
              });
          softly.assertThat(recorder.nonResource()).as("requests for no resource").isEmpty();
          softly.assertThat(recorder.forbidden()).as("requests the API server refused").isEmpty();
        });
  }

  /**
   * Creates the example, changes one object, deletes it all, waiting for the operator each time.
   */
  private static void syncEveryKindFromCreateToDelete(KubernetesClient admin, String team)
      throws IOException {
    List<HasMetadata> example = applyExample(admin, team);
    example.forEach(object -> awaitReady(admin, team, object));

    GenericKubernetesResource hourly = find(admin, team, "RecurringRun", "functions-hourly");
    hourly.<Map<String, Object>>get("spec").put("suspend", false);
    admin.resource(hourly).update();
    awaitReady(admin, team, hourly);

    example.forEach(object -> admin.resource(object).inNamespace(team).delete());
    example.forEach(
        object ->
            await()
                .atMost(PATIENCE)
                .until(
                    () ->
                        find(admin, team, object.getKind(), object.getMetadata().getName())
                            == null));
  }

  /**
   * What a source grants the operator.
   *
   * @param clusterWide the rules of its ClusterRole
   * @param ownNamespace the rules of its Role in its own namespace
   */
  private record Rules(Set<Permission> clusterWide, Set<Permission> ownNamespace) {

    /** The rules the CSV's install strategy grants the operator's service account. */
    static Rules ofCsv(Path csv) throws IOException {
      JsonNode install =
          new ObjectMapper(new YAMLFactory()).readTree(csv.toFile()).at("/spec/install/spec");
      return new Rules(
          Permission.grantedBy(install.path("clusterPermissions").path(0).path("rules")),
          Permission.grantedBy(install.path("permissions").path(0).path("rules")));
    }

    Set<Permission> granted() {
      Set<Permission> granted = new HashSet<>(clusterWide);
      granted.addAll(ownNamespace);
      return granted;
    }
  }

  private static Set<Permission> rulesOf(Path role) throws IOException {
    return Permission.grantedBy(
        new ObjectMapper(new YAMLFactory()).readTree(role.toFile()).path("rules"));
  }

  private static Set<Permission> minus(Set<Permission> these, Set<Permission> those) {
    Set<Permission> left = new HashSet<>(these);
    left.removeAll(those);
    return left;
  }

  private static List<HasMetadata> applyExample(KubernetesClient admin, String team)
      throws IOException {
    List<HasMetadata> applied = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path file : files.sorted().toList()) {
        try (InputStream yaml = Files.newInputStream(file)) {
          for (HasMetadata object : admin.load(yaml).items()) {
            applied.add(admin.resource(object).inNamespace(team).create());
          }
        }
      }
    }
    return applied;
  }

  private static GenericKubernetesResource find(
      KubernetesClient admin, String team, String kind, String name) {
    return admin
        .genericKubernetesResources(API_VERSION, kind)
        .inNamespace(team)
        .withName(name)
        .get();
  }

  /** Waits until the object's Ready condition is True for its current generation. */
  private static void awaitReady(KubernetesClient admin, String team, HasMetadata object) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              GenericKubernetesResource current =
                  find(admin, team, object.getKind(), object.getMetadata().getName());
              Object status = current.getAdditionalProperties().get("status");
              if (!(status instanceof Map<?, ?> fields)
                  || !(fields.get("conditions") instanceof List<?> conditions)) {
                return false;
              }
              return conditions.stream()
                  .map(Map.class::cast)
                  .anyMatch(
                      c ->
                          "Ready".equals(c.get("type"))
                              && "True".equals(c.get("status"))
                              && current
                                  .getMetadata()
                                  .getGeneration()
                                  .equals(((Number) c.get("observedGeneration")).longValue()));
            });
  }
}
