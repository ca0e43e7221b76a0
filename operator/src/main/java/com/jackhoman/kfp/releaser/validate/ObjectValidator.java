package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What kube-apiserver checks when one of our objects is created or updated: object metadata, the
 * CRD's schema, list-map keys and CEL rules. Shared by {@code validate} and the sandbox's
 * admission.
 */
public final class ObjectValidator {

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  /** The compiled checks of one kind. */
  private record KindChecks(KindSchema kind, SchemaCheck schema, CelRuleCheck rules) {}

  private final CustomResourceDefinitions crds;
  private final Map<String, KindChecks> checksByKind = new HashMap<>();

  /** Compiles the schema and rules of every kind once. */
  public ObjectValidator(CustomResourceDefinitions crds) {
    this.crds = crds;
    for (KindSchema kind : crds.kinds()) {
      checksByKind.put(
          kind.kind(),
          new KindChecks(
              kind, new SchemaCheck(kind.openApiSchema()), new CelRuleCheck(kind.openApiSchema())));
    }
  }

  /** The CRDs this validator checks against. */
  public CustomResourceDefinitions crds() {
    return crds;
  }

  /**
   * Every problem kube-apiserver would report for this object: its unknown fields (refused under
   * {@code fieldValidation=Strict}, pruned otherwise), then what is wrong with the rest.
   *
   * @param kind the object's kind, one of ours
   * @param object the object as sent
   * @param oldObject the stored object on update, or null on create
   */
  public List<FieldError> validate(KindSchema kind, JsonNode object, JsonNode oldObject) {
    ObjectNode pruned = object.deepCopy();
    List<FieldError> errors = new ArrayList<>();
    for (String field : UnknownFieldPruning.prune(kind.openApiSchema(), pruned)) {
      errors.add(
          new FieldError(field, FieldError.UNKNOWN_FIELD, "unknown field \"" + field + "\""));
    }
    errors.addAll(validatePruned(kind, pruned, oldObject));
    return errors;
  }

  /**
   * What is wrong with an object whose unknown fields were pruned already (see {@link
   * UnknownFieldPruning}): metadata, schema, list-map keys and CEL rules.
   */
  public List<FieldError> validatePruned(KindSchema kind, JsonNode object, JsonNode oldObject) {
    KindChecks checks = checksByKind.get(kind.kind());
    List<FieldError> errors = new ArrayList<>(metadata(object.path("metadata")));
    errors.addAll(checks.schema().check(object));
    errors.addAll(ListMapKeyCheck.check(kind.openApiSchema(), object));
    errors.addAll(checks.rules().check(object, oldObject));
    return errors;
  }

  private static List<FieldError> metadata(JsonNode metadata) {
    List<FieldError> errors = new ArrayList<>();
    String name = metadata.path("name").asText("");
    if (name.isEmpty() && metadata.path("generateName").asText("").isEmpty()) {
      errors.add(
          new FieldError(
              "metadata.name",
              "FieldValueRequired",
              "Required value: name or generateName is required"));
    } else if (!name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
      errors.add(
          new FieldError(
              "metadata.name",
              FieldError.INVALID,
              "Invalid value: \""
                  + name
                  + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                  + " characters, '-' or '.', and must start and end with an alphanumeric character"));
    }
    String namespace = metadata.path("namespace").asText("");
    if (!namespace.isEmpty()
        && (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches())) {
      errors.add(
          new FieldError(
              "metadata.namespace",
              FieldError.INVALID,
              "Invalid value: \""
                  + namespace
                  + "\": a lowercase RFC 1123 label must consist of lower case alphanumeric"
                  + " characters or '-', and must start and end with an alphanumeric character"));
    }
    return errors;
  }
}
