package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.validate.FieldError;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import com.jackhoman.kfp.releaser.validate.ObjectValidator;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Admission of our kinds as kube-apiserver does it for a CRD: the schema and CEL rules through
 * {@link ObjectValidator}, refused with 422 {@code Invalid}, and unknown fields refused with 400
 * under {@code fieldValidation=Strict}.
 */
final class SchemaAdmission implements WriteReview {

  private final ObjectValidator validator;

  SchemaAdmission(ObjectValidator validator) {
    this.validator = validator;
  }

  @Override
  public Optional<MockResponse> refusal(ApiPath path, JsonNode object, JsonNode oldObject) {
    Optional<KindSchema> kind =
        validator.crds().find(object.path("apiVersion").asText(), object.path("kind").asText());
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    List<FieldError> errors = validator.validate(kind.get(), object, oldObject);
    List<FieldError> unknown =
        errors.stream().filter(e -> e.reason().equals(FieldError.UNKNOWN_FIELD)).toList();
    if (!unknown.isEmpty() && path.parameter("fieldValidation").orElse("").equals("Strict")) {
      String name = kind.get().kind();
      String version = kind.get().apiVersion().substring(kind.get().apiVersion().indexOf('/') + 1);
      return Optional.of(
          ApiStatus.badRequest(
              name
                  + " in version \""
                  + version
                  + "\" cannot be handled as a "
                  + name
                  + ": strict decoding error: "
                  + unknown.stream().map(FieldError::message).collect(Collectors.joining(", "))));
    }
    List<FieldError> invalid =
        errors.stream().filter(e -> !e.reason().equals(FieldError.UNKNOWN_FIELD)).toList();
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
}
