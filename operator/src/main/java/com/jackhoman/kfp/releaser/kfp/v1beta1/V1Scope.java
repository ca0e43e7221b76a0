package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.http.Query;

/**
 * How v1beta1 scopes a list call: a {@code resource_reference_key} query, not a namespace field.
 */
final class V1Scope {

  private V1Scope() {}

  /** The list query for objects of this namespace (none for {@code ""}). */
  static Query namespace(String namespace) {
    return reference("NAMESPACE", namespace);
  }

  /** The list query for objects under this reference (none for an empty id). */
  static Query reference(String type, String id) {
    return id == null || id.isEmpty()
        ? Query.none()
        : Query.none()
            .and("resource_reference_key.type", type)
            .and("resource_reference_key.id", id);
  }
}
