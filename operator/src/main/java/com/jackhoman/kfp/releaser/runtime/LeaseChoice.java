package com.jackhoman.kfp.releaser.runtime;

import io.fabric8.kubernetes.client.Config;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which namespace holds the operator's Lease, and what said so: {@code --lease-namespace} (or
 * {@code LEASE_NAMESPACE}), else the pod's namespace ({@code POD_NAMESPACE}, set by deploy/ and the
 * bundle), else the namespace of the kubeconfig's current context (or of the service account, in a
 * pod), else {@code default}, so that {@code run} from a laptop works with no flag.
 *
 * @param namespace where the Lease is
 * @param source what chose it, for the log
 */
public record LeaseChoice(String namespace, String source) {

  /**
   * Chooses the namespace.
   *
   * @param flag the value of {@code --lease-namespace}, possibly blank
   * @param env the process environment
   * @param kubernetes the client configuration, whose namespace fabric8 took from the kubeconfig's
   *     current context or the pod's service account
   */
  public static LeaseChoice of(String flag, UnaryOperator<String> env, Config kubernetes) {
    return given(flag)
        .map(ns -> new LeaseChoice(ns, "--lease-namespace"))
        .or(() -> given(env.apply("POD_NAMESPACE")).map(ns -> new LeaseChoice(ns, "POD_NAMESPACE")))
        .or(
            () ->
                given(kubernetes.getNamespace())
                    .map(ns -> new LeaseChoice(ns, "the kubeconfig's current context")))
        .orElse(new LeaseChoice("default", "no namespace given anywhere"));
  }

  /** The one log line that says which Lease the operator takes turns on. */
  public String describe() {
    return "Leader election on Lease "
        + namespace
        + "/"
        + OperatorSettings.LEASE
        + " (namespace from "
        + source
        + "; choose another with --lease-namespace): only the replica holding it works";
  }

  private static Optional<String> given(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }
}
