package com.jackhoman.kfp.releaser.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Base64;

/**
 * Who a service-account token issued by the test's API server stands for, read as that server
 * writes it: kube-apiserver's signed JWT (its {@code sub} claim) or the embedded API's opaque
 * {@code sa-token.<namespace>.<account>.<n>}.
 */
final class IssuedToken {

  private IssuedToken() {}

  /** The subject kube-apiserver names {@code account} of {@code namespace} by. */
  static String account(String namespace, String account) {
    return "system:serviceaccount:" + namespace + ":" + account;
  }

  /** The service account {@code token} stands for, as {@link #account} names it. */
  static String subject(String token) {
    String[] parts = token.split("\\.");
    if (parts[0].equals("sa-token")) {
      return account(parts[1], parts[2]);
    }
    JsonNode claims =
        Serialization.unmarshal(
            new String(Base64.getUrlDecoder().decode(parts[1])), JsonNode.class);
    return claims.path("sub").asText();
  }
}
