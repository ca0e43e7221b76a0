package com.jackhoman.kfp.releaser.emulator;

import java.util.regex.Pattern;

/**
 * The name rule of the Kubernetes-native pipeline store: {@code
 * storage/pipeline_store_kubernetes.go} {@code CreatePipeline} (2.17.0) refuses a pipeline name
 * that is not a DNS-1123 subdomain ({@code validation.IsDNS1123Subdomain}) with 400. Version names
 * go through {@code NewPipelineVersionName}, not modelled here.
 */
final class KubernetesNames {

  private static final int MAX_SUBDOMAIN = 253;
  private static final String SUBDOMAIN =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);

  private KubernetesNames() {}

  static void requireValidPipelineName(String name) {
    String problem = null;
    if (name.length() > MAX_SUBDOMAIN) {
      problem = "must be no more than " + MAX_SUBDOMAIN + " characters";
    } else if (!SUBDOMAIN_PATTERN.matcher(name).matches()) {
      // the text of k8s.io/apimachinery/pkg/util/validation IsDNS1123Subdomain
      problem =
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
              + " or '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
              + " regex used for validation is '"
              + SUBDOMAIN
              + "')";
    }
    if (problem != null) {
      throw KfpError.invalidArgument(
          "Invalid input error: Invalid pipeline name \""
              + name
              + "\": "
              + problem
              + ". Use 'display_name' for human-readable labels");
    }
  }
}
