package com.jackhoman.kfp.releaser.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that what objects refer to is among the checked objects, in the same namespace: a
 * version's pipeline, a recurring run's version and experiment.
 */
final class ReferenceCheck {

  /** One reference from a field of one kind to an object of another kind. */
  private record Reference(String fromKind, String field, String toKind) {}

  private static final List<Reference> REFERENCES =
      List.of(
          new Reference("PipelineVersion", "pipeline", "Pipeline"),
          new Reference("RecurringRun", "versionRef", "PipelineVersion"),
          new Reference("RecurringRun", "experimentRef", "Experiment"));

  private ReferenceCheck() {}

  /**
   * A problem for every reference to an object that is not in {@code objects}.
   *
   * @param missingIsWarning true for repositories that keep related objects in other folders
   */
  static List<Problem> check(List<CheckedObject> objects, boolean missingIsWarning) {
    Set<String> present = new HashSet<>();
    objects.forEach(o -> present.add(key(o.kind().kind(), o.namespace(), o.name())));
    List<Problem> problems = new ArrayList<>();
    for (CheckedObject object : objects) {
      for (Reference reference : REFERENCES) {
        String target = object.spec().path(reference.field()).asText("");
        if (!object.kind().kind().equals(reference.fromKind())
            || target.isEmpty()
            || present.contains(key(reference.toKind(), object.namespace(), target))) {
          continue;
        }
        problems.add(
            object.problem(
                "spec." + reference.field(),
                reference.toKind()
                    + " \""
                    + target
                    + "\" is not among the checked files"
                    + (object.namespace().isEmpty() ? "" : " in namespace " + object.namespace())
                    + "; add it, fix the name, or pass --allow-missing-refs when it lives elsewhere",
                missingIsWarning ? Problem.Severity.WARNING : Problem.Severity.ERROR));
      }
    }
    return problems;
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
