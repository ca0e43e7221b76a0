package com.jackhoman.kfp.releaser.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns a computed status into the update JOSDK makes: a patch of the status subresource that
 * carries only the status, and no write at all when the status did not change.
 */
public final class StatusUpdates {

  private StatusUpdates() {}

  /** Patches the status of {@code current} to {@code next}, unless they are equal. */
  public static <S, P extends CustomResource<?, S>> UpdateControl<P> patchIfChanged(
      P current, S next, Supplier<P> blank) {
    return unchanged(current, next)
        ? UpdateControl.noUpdate()
        : UpdateControl.patchStatus(carrying(current, next, blank));
  }

  /** The error-path twin of {@link #patchIfChanged}; {@code terminal} stops JOSDK's retries. */
  public static <S, P extends CustomResource<?, S>> ErrorStatusUpdateControl<P> errorPatch(
      P current, S next, Supplier<P> blank, boolean terminal) {
    ErrorStatusUpdateControl<P> control =
        unchanged(current, next)
            ? ErrorStatusUpdateControl.noStatusUpdate()
            : ErrorStatusUpdateControl.patchStatus(carrying(current, next, blank));
    return terminal ? control.withNoRetry() : control;
  }

  /**
   * Patches the status of {@code current} to {@code next} at once through {@code client}, unless
   * they are equal: for cleanup, where JOSDK takes no status update.
   */
  public static <S, P extends CustomResource<?, S>> void patchNow(
      KubernetesClient client, P current, S next, Supplier<P> blank) {
    if (!unchanged(current, next)) {
      client.resource(carrying(current, next, blank)).patchStatus();
    }
  }

  /** A copy of the status of {@code resource} to compute the next status in; blank if none. */
  public static <S, P extends CustomResource<?, S>> S workingCopy(P resource, Class<S> type) {
    return Serialization.unmarshal(
        resource.getStatus() == null ? "{}" : Serialization.asJson(resource.getStatus()), type);
  }

  /**
   * Whether the status says the same: an empty list or object reads as an absent one, since a
   * status merge patch stores no empty list (the operator clears lists by making them empty).
   */
  private static <S, P extends CustomResource<?, S>> boolean unchanged(P current, S next) {
    return Objects.equals(meaning(current.getStatus()), meaning(next));
  }

  private static JsonNode meaning(Object status) {
    return withoutEmpties(Serialization.jsonMapper().valueToTree(status));
  }

  private static JsonNode withoutEmpties(JsonNode node) {
    if (node.isObject()) {
      ObjectNode kept = JsonNodeFactory.instance.objectNode();
      node.fields()
          .forEachRemaining(
              field -> {
                JsonNode value = withoutEmpties(field.getValue());
                if (!value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
                  kept.set(field.getKey(), value);
                }
              });
      return kept;
    }
    if (node.isArray()) {
      ArrayNode kept = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> kept.add(withoutEmpties(item)));
      return kept;
    }
    return node;
  }

  private static <S, P extends CustomResource<?, S>> P carrying(
      P current, S next, Supplier<P> blank) {
    P patch = blank.get();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(current.getMetadata().getName())
            .withNamespace(current.getMetadata().getNamespace())
            .build());
    patch.setStatus(next);
    return patch;
  }
}
