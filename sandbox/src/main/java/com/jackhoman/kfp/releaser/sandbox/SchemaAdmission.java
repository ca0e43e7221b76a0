package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jackhoman.kfp.releaser.validate.FieldError;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import com.jackhoman.kfp.releaser.validate.ObjectValidator;
import com.jackhoman.kfp.releaser.validate.UnknownFieldPruning;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;

/**
 * Admission of our kinds as kube-apiserver does it for a CRD: unknown fields pruned by the CRD's
 * structural schema ({@link UnknownFieldPruning}), then the schema and CEL rules through {@link
 * ObjectValidator}, refused with 422 {@code Invalid}.
 */
final class SchemaAdmission implements WriteReview {

  private final ObjectValidator validator;

  SchemaAdmission(ObjectValidator validator) {
    this.validator = validator;
  }

  @Override
  public List<String> pruneUnknownFields(ObjectNode object) {
    return kindOf(object)
        .map(kind -> UnknownFieldPruning.prune(kind.openApiSchema(), object))
        .orElse(List.of());
  }

  @Override
  public Optional<MockResponse> refusal(ApiPath path, JsonNode object, JsonNode oldObject) {
    Optional<KindSchema> kind = kindOf(object);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    List<FieldError> invalid = validator.validatePruned(kind.get(), object, oldObject);
    if (invalid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ApiStatus.invalid(
            path,
            kind.get().kind(),
            object.path("metadata").path("name").asText(),
            invalid.stream()
                .map(e -> new StatusCause(e.field(), e.message(), e.reason()))
                .toList()));
  }

  private Optional<KindSchema> kindOf(JsonNode object) {
    return validator.crds().find(object.path("apiVersion").asText(), object.path("kind").asText());
  }
}
