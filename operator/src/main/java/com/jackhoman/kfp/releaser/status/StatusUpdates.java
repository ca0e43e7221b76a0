package com.jackhoman.kfp.releaser.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a computed status: one JSON merge patch of the status subresource that carries the whole
 * difference and the resourceVersion the status was computed from, so that a status worked out from
 * an old view of the object is refused (409) and worked out again instead of being merged into a
 * newer one; no write at all when the status did not change.
 *
 * <p>JOSDK's own status patch without server-side apply ({@code
 * ReconciliationDispatcher.CustomResourceFacade#editStatus}, 5.2.3) sends a JSON Patch computed
 * against the cached object with the resourceVersion removed: applied to a newer stored status, its
 * field-level operations mix two writes into one condition (the fault campaign ended with a
 * RecurringRun at {@code Ready=False reason=KfpUnavailable} and the message of a successful sync).
 * Each write that succeeds is handed to JOSDK's primary cache ({@code
 * ControllerEventSource#handleRecentResourceUpdate}, as {@code PrimaryUpdateAndCacheUtils} does),
 * so the next reconcile starts from it rather than from the informer's older copy.
 */
public final class StatusUpdates {

  /** How soon an object whose status changed under a reconcile is reconciled again. */
  static final Duration AFTER_STALE_VIEW = Duration.ofMillis(200);

  private static final Logger LOG = LoggerFactory.getLogger(StatusUpdates.class);

  private StatusUpdates() {}

  /**
   * Writes the status of {@code current} as {@code next}, unless they are equal; when the stored
   * object changed since {@code current} was read, writes nothing and reconciles again shortly.
   */
  public static <S, P extends CustomResource<?, S>> UpdateControl<P> write(
      P current, S next, Supplier<P> blank, Context<P> context) {
    return writeAndCache(current, next, blank, context)
        ? UpdateControl.noUpdate()
        : UpdateControl.<P>noUpdate().rescheduleAfter(AFTER_STALE_VIEW);
  }

  /**
   * The error-path twin of {@link #write}; {@code terminal} stops JOSDK's retries once the status
   * that says why is stored, and only then.
   */
  public static <S, P extends CustomResource<?, S>> ErrorStatusUpdateControl<P> writeAfterError(
      P current, S next, Supplier<P> blank, Context<P> context, boolean terminal) {
    boolean stored = writeAndCache(current, next, blank, context);
    ErrorStatusUpdateControl<P> control = ErrorStatusUpdateControl.noStatusUpdate();
    return terminal && stored ? control.withNoRetry() : control;
  }

  /**
   * Writes the status during cleanup, where JOSDK takes no status update, and keeps the finalizer;
   * cleanup runs again shortly when the stored object changed since {@code current} was read.
   */
  public static <S, P extends CustomResource<?, S>> DeleteControl writeWhileDeleting(
      P current, S next, Supplier<P> blank, Context<P> context) {
    return writeAndCache(current, next, blank, context)
        ? DeleteControl.noFinalizerRemoval()
        : DeleteControl.noFinalizerRemoval().rescheduleAfter(AFTER_STALE_VIEW);
  }

  /** A copy of the status of {@code resource} to compute the next status in; blank if none. */
  public static <S, P extends CustomResource<?, S>> S workingCopy(P resource, Class<S> type) {
    return Serialization.unmarshal(
        resource.getStatus() == null ? "{}" : Serialization.asJson(resource.getStatus()), type);
  }

  private static <S, P extends CustomResource<?, S>> boolean writeAndCache(
      P current, S next, Supplier<P> blank, Context<P> context) {
    Optional<P> stored = send(context.getClient(), current, next, blank);
    stored.ifPresent(
        updated ->
            context
                .eventSourceRetriever()
                .getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(current), updated, current));
    return stored.isPresent() || unchanged(current, next);
  }

  /**
   * Sends the status write: the stored object when it was written, empty when nothing needed
   * writing or the stored object is no longer the one {@code current} was read from.
   */
  static <S, P extends CustomResource<?, S>> Optional<P> send(
      KubernetesClient client, P current, S next, Supplier<P> blank) {
    if (unchanged(current, next)) {
      return Optional.empty();
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("metadata").put("resourceVersion", current.getMetadata().getResourceVersion());
    patch.set("status", mergePatch(tree(current.getStatus()), tree(next)));
    try {
      return Optional.of(
          client
              .resource(named(current, blank))
              .subresource("status")
              .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      LOG.debug(
          "The status of {} {}/{} changed since resourceVersion {} was read; it is worked out"
              + " again",
          current.getKind(),
          current.getMetadata().getNamespace(),
          current.getMetadata().getName(),
          current.getMetadata().getResourceVersion());
      return Optional.empty();
    }
  }

  /**
   * Whether the status says the same: an empty list or object reads as an absent one, since a
   * status merge patch stores no empty list (the operator clears lists by making them empty).
   */
  private static <S, P extends CustomResource<?, S>> boolean unchanged(P current, S next) {
    return Objects.equals(meaning(current.getStatus()), meaning(next));
  }

  private static JsonNode tree(Object status) {
    return status == null
        ? JsonNodeFactory.instance.objectNode()
        : Serialization.jsonMapper().valueToTree(status);
  }

  /**
   * The RFC 7386 merge patch that turns {@code from} into {@code to}: changed keys with their new
   * value, removed keys as null, lists whole.
   */
  private static JsonNode mergePatch(JsonNode from, JsonNode to) {
    if (!from.isObject() || !to.isObject()) {
      return to;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    from.fieldNames()
        .forEachRemaining(
            key -> {
              if (!to.has(key) || to.get(key).isNull()) {
                patch.putNull(key);
              }
            });
    to.fields()
        .forEachRemaining(
            field -> {
              JsonNode before = from.get(field.getKey());
              if (field.getValue().isNull() || field.getValue().equals(before)) {
                return;
              }
              patch.set(
                  field.getKey(),
                  before == null ? field.getValue() : mergePatch(before, field.getValue()));
            });
    return patch;
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

  private static <P extends CustomResource<?, ?>> P named(P current, Supplier<P> blank) {
    P named = blank.get();
    named.setMetadata(
        new ObjectMetaBuilder()
            .withName(current.getMetadata().getName())
            .withNamespace(current.getMetadata().getNamespace())
            .build());
    return named;
  }
}
