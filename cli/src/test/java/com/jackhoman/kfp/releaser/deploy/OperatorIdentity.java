package com.jackhoman.kfp.releaser.deploy;

import com.jackhoman.kfp.releaser.TestCluster;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who the operator is in {@link OperatorRbacIT}: on a real cluster, the service account of {@code
 * deploy/} in a test namespace, bound (under names of that namespace) to exactly the ClusterRole
 * and leader-election Role {@code deploy/} installs, and a token of it; on the embedded API, which
 * authorizes nothing, the test's own identity. Closing it deletes the cluster-wide objects.
 */
final class OperatorIdentity implements AutoCloseable {

  private static final Path SERVICE_ACCOUNT = Path.of("deploy/service-account.yaml");
  private static final Path CLUSTER_ROLE_BINDING = Path.of("deploy/cluster-role-binding.yaml");
  private static final Path ROLE_BINDING = Path.of("deploy/leader-election-role-binding.yaml");

  private final Config config;
  private final Optional<KubernetesClient> boundBy;
  private final String name;

  private OperatorIdentity(Config config, Optional<KubernetesClient> boundBy, String name) {
    this.config = config;
    this.boundBy = boundBy;
    this.name = name;
  }

  /**
   * The operator's identity for running in {@code namespace} with the rules of {@code clusterRole}
   * and {@code leaderElectionRole} (as {@code deploy/} binds them), set up through {@code admin}.
   */
  static OperatorIdentity in(
      TestCluster cluster,
      KubernetesClient admin,
      String namespace,
      Path clusterRole,
      Path leaderElectionRole) {
    if (!TestCluster.REAL) {
      return new OperatorIdentity(cluster.clientConfig(), Optional.empty(), namespace);
    }
    ServiceAccount account = read(SERVICE_ACCOUNT, ServiceAccount.class);
    account.getMetadata().setNamespace(namespace);
    admin.resource(account).serverSideApply();

    ClusterRole role = read(clusterRole, ClusterRole.class);
    role.getMetadata().setName(namespace);
    admin.resource(role).serverSideApply();
    ClusterRoleBinding binding = read(CLUSTER_ROLE_BINDING, ClusterRoleBinding.class);
    binding.getMetadata().setName(namespace);
    binding.getRoleRef().setName(namespace);
    binding.getSubjects().forEach(subject -> subject.setNamespace(namespace));
    admin.resource(binding).serverSideApply();

    Role leaderElection = read(leaderElectionRole, Role.class);
    leaderElection.getMetadata().setNamespace(namespace);
    admin.resource(leaderElection).serverSideApply();
    RoleBinding leaderElectionBinding = read(ROLE_BINDING, RoleBinding.class);
    leaderElectionBinding.getMetadata().setNamespace(namespace);
    leaderElectionBinding.getSubjects().forEach(subject -> subject.setNamespace(namespace));
    admin.resource(leaderElectionBinding).serverSideApply();

    String token =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account.getMetadata().getName())
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config adminConfig = admin.getConfiguration();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(adminConfig.getMasterUrl())
            .withCaCertData(adminConfig.getCaCertData())
            .withCaCertFile(adminConfig.getCaCertFile())
            .withOauthToken(token)
            .withNamespace(namespace)
            .build();
    return new OperatorIdentity(config, Optional.of(admin), namespace);
  }

  /** The configuration of a client acting as the operator. */
  Config config() {
    return config;
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return Serialization.unmarshal(Files.readString(file), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the ClusterRole and ClusterRoleBinding; the rest goes with the namespace. */
  @Override
  public void close() {
    boundBy.ifPresent(
        admin -> {
          admin.rbac().clusterRoleBindings().withName(name).delete();
          admin.rbac().clusterRoles().withName(name).delete();
        });
  }
}
