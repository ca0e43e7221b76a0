package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.MissingCRDException;
import io.javaoperatorsdk.operator.OperatorException;
import java.net.ConnectException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configuration problems at start read as one paragraph that says what to do; bugs do not. */
class StartupProblemTest {

  private static final String API = "https://10.0.0.1:6443/";
  private static final Optional<LeaseChoice> LEASE =
      Optional.of(new LeaseChoice("kfp-releaser", "POD_NAMESPACE"));

  @Test
  void aLeaseWithoutTheVerbsJosdkChecksSaysWhichToGrant() {
    // the message of JOSDK 5.2.3's LeaderElectionManager.checkLeaseAccess
    OperatorException failure =
        new OperatorException(
            "No permission to lease resource. in namespace: kfp-releaser; missing required"
                + " verbs: [update]");

    assertThat(StartupProblem.explain(failure, API, LEASE))
        .hasValueSatisfying(
            paragraph ->
                assertThat(paragraph)
                    .contains("Lease kfp-releaser/kfp-releaser")
                    .contains("missing required verbs: [update]")
                    .contains("get, create and update on leases.coordination.k8s.io")
                    .contains("--no-leader-election"));
  }

  @Test
  void aMissingCrdSaysHowToInstallIt() {
    MissingCRDException failure =
        new MissingCRDException("pipelines.kfp.jackhoman.com", "v1alpha1", "not found");

    assertThat(StartupProblem.explain(failure, API, LEASE))
        .hasValueSatisfying(
            paragraph ->
                assertThat(paragraph)
                    .contains("pipelines.kfp.jackhoman.com")
                    .contains("kubectl apply --server-side -k deploy/"));
  }

  @Test
  void aRefusalAnywhereInTheCausesSaysWhoseRbacToUse() {
    OperatorException failure =
        new OperatorException(
            "Failed to start informers",
            new KubernetesClientException("pipelines is forbidden", 403, null));

    assertThat(StartupProblem.explain(failure, API, LEASE))
        .hasValueSatisfying(
            paragraph ->
                assertThat(paragraph)
                    .startsWith("Kubernetes at " + API + " refused the operator")
                    .contains("service account of deploy/"));
  }

  @Test
  void anUnreachableApiNamesTheAddressTried() {
    KubernetesClientException failure =
        new KubernetesClientException(
            "Operation failed", new ConnectException("Connection refused"));

    assertThat(StartupProblem.explain(failure, API, Optional.empty()))
        .hasValueSatisfying(
            paragraph -> assertThat(paragraph).contains(API).contains("Connection refused"));
  }

  @Test
  void anythingElseIsNotExplainedAway() {
    assertThat(StartupProblem.explain(new IllegalStateException("bug"), API, LEASE)).isEmpty();
  }
}
