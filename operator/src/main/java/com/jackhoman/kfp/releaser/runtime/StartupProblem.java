package com.jackhoman.kfp.releaser.runtime;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.MissingCRDException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * Why the operator could not start, in one paragraph for the person who configured it, when the
 * cause is the configuration (Kubernetes unreachable or refusing, a CRD or a Lease permission
 * missing) rather than a bug; {@code run} prints it and exits with 2 instead of a stack trace.
 */
public final class StartupProblem {

  private StartupProblem() {}

  /**
   * The paragraph for {@code failure}, or empty when it is not a configuration problem.
   *
   * @param failure what starting the operator threw
   * @param apiServer the Kubernetes API the operator talks to
   * @param lease the Lease the operator was to take turns on, if any
   */
  public static Optional<String> explain(
      Throwable failure, String apiServer, Optional<LeaseChoice> lease) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (lease.isPresent() && message.contains("No permission to lease resource")) {
        LeaseChoice choice = lease.get();
        return Optional.of(
            "The operator may not use its Lease "
                + choice.namespace()
                + "/"
                + OperatorSettings.LEASE
                + " ("
                + message.trim()
                + "). Grant its identity get, create and update on leases.coordination.k8s.io in"
                + " namespace "
                + choice.namespace()
                + " (deploy/ and the OLM bundle do), choose another namespace with"
                + " --lease-namespace, or run a single replica with --no-leader-election.");
      }
      if (t instanceof MissingCRDException missing) {
        return Optional.of(
            "The custom resource definition "
                + missing.getCrdName()
                + " is not installed in the cluster at "
                + apiServer
                + ". Install the CRDs first: kubectl apply --server-side -k deploy/ (or install"
                + " the operator from OperatorHub).");
      }
      if (t instanceof KubernetesClientException refused
          && (refused.getCode() == 401 || refused.getCode() == 403)) {
        return Optional.of(
            (refused.getCode() == 401
                    ? "Kubernetes at " + apiServer + " did not accept the operator's credentials: "
                    : "Kubernetes at " + apiServer + " refused the operator: ")
                + message.trim()
                + ". Run the operator as the service account of deploy/ (or the bundle), whose"
                + " RBAC grants what it needs, or check the kubeconfig's current context.");
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException) {
        return Optional.of(
            "Could not reach the Kubernetes API at "
                + apiServer
                + " ("
                + t.getClass().getSimpleName()
                + ": "
                + message
                + "). Check the kubeconfig's current context (kubectl config current-context),"
                + " or run the operator in the cluster.");
      }
    }
    return Optional.empty();
  }
}
