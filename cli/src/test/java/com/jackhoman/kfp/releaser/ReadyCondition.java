package com.jackhoman.kfp.releaser;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** Waits, in operator tests, until an object's Ready condition is the one a test expects. */
public final class ReadyCondition {

  private ReadyCondition() {}

  /** Waits up to 20 s for the Ready condition of {@code name} to match {@code wanted}. */
  public static <T extends HasMetadata> Condition await(
      ShippedOperatorExtension extension, Class<T> kind, String name, Predicate<Condition> wanted) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> of(extension.get(kind, name)).filter(wanted), Optional::isPresent)
        .orElseThrow();
  }

  /** The Ready condition of {@code object}, if it has one. */
  public static Optional<Condition> of(HasMetadata object) {
    if (object == null) {
      return Optional.empty();
    }
    for (JsonNode condition :
        Serialization.jsonMapper().valueToTree(object).at("/status/conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return Optional.of(Serialization.jsonMapper().convertValue(condition, Condition.class));
      }
    }
    return Optional.empty();
  }
}
