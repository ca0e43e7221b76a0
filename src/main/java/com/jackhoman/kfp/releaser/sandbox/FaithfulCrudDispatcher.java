package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * fabric8's CRUD mock dispatcher made to behave like kube-apiserver where the mock does not:
 * server-side apply, RFC 7386 merge patch, {@code metadata.generation} and {@code
 * deletionTimestamp} on deletion, and kube-apiserver's {@code Status} bodies for 404 and 409.
 */
public class FaithfulCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String METADATA = "metadata";
  private static final String DELETION_TIMESTAMP = "deletionTimestamp";
  private static final String DELETION_GRACE_PERIOD = "deletionGracePeriodSeconds";

  /** Serialises every write, so that a read-modify-write below is atomic. */
  private final Object writes = new Object();

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    synchronized (writes) {
      MockResponse response = super.handleCreate(request);
      if (response.code() == 409) {
        ApiPath path = ApiPath.parse(request.getPath());
        return ApiStatus.alreadyExists(
            path, read(body(request)).path(METADATA).path("name").asText());
      }
      return response;
    }
  }

  @Override
  public MockResponse handleGet(String pathAndQuery) {
    MockResponse response = super.handleGet(pathAndQuery);
    ApiPath path = ApiPath.parse(pathAndQuery);
    return response.code() == 404 && path.name() != null ? ApiStatus.notFound(path) : response;
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    synchronized (writes) {
      return withApiErrors(ApiPath.parse(request.getPath()), super.handleUpdate(request));
    }
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    ApiPath path = ApiPath.parse(request.getPath());
    String contentType = request.getHeader("Content-Type");
    String mediaType =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    synchronized (writes) {
      try {
        return switch (mediaType) {
          case "application/apply-patch+yaml" -> serverSideApply(path, body(request));
          case "application/merge-patch+json" -> mergePatch(path, read(body(request)));
          case "application/strategic-merge-patch+json" ->
              path.isCore()
                  ? mergePatch(path, read(body(request)))
                  : ApiStatus.unsupportedPatchType();
          default -> withApiErrors(path, super.handlePatch(request));
        };
      } catch (IllegalArgumentException e) {
        return ApiStatus.badRequest(e.getMessage());
      }
    }
  }

  @Override
  public MockResponse handleDelete(String pathAndQuery) {
    ApiPath path = ApiPath.parse(pathAndQuery);
    synchronized (writes) {
      MockResponse response = super.handleDelete(pathAndQuery);
      if (path.name() == null) {
        return response;
      }
      if (response.code() == 404) {
        return ApiStatus.notFound(path);
      }
      String uid = read(response.getBody().readUtf8()).path(METADATA).path("uid").asText();
      return stored(path)
          .map(terminating -> ApiStatus.json(200, terminating.toString()))
          .orElseGet(() -> ApiStatus.deleted(path, uid));
    }
  }

  /** Keeps what clients cannot change through a write: the deletion marks. */
  @Override
  public void preserveMetadata(JsonNode currentResource, JsonNode updatedResource) {
    super.preserveMetadata(currentResource, updatedResource);
    ObjectNode current = (ObjectNode) currentResource.get(METADATA);
    ObjectNode updated = (ObjectNode) updatedResource.get(METADATA);
    for (String field : new String[] {DELETION_TIMESTAMP, DELETION_GRACE_PERIOD}) {
      if (current.has(field)) {
        updated.set(field, current.get(field));
      } else {
        updated.remove(field);
      }
    }
  }

  /**
   * Applies what kube-apiserver does to every stored state: an object that has just been marked for
   * deletion gets a new generation, and one marked with no finalizers left is removed.
   */
  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    String oldState = oldAttributes == null ? null : map.get(oldAttributes);
    String state = newState == null ? null : afterDeletionRules(oldState, newState);
    super.processEvent(path, pathAttributes, oldAttributes, state == null ? null : resource, state);
  }

  private static String afterDeletionRules(String oldState, String newState) {
    JsonNode object = read(newState);
    JsonNode metadata = object.path(METADATA);
    if (!metadata.hasNonNull(DELETION_TIMESTAMP)) {
      return newState;
    }
    if (metadata.path("finalizers").isEmpty()) {
      return null;
    }
    boolean newlyMarked =
        oldState == null || !read(oldState).path(METADATA).hasNonNull(DELETION_TIMESTAMP);
    if (!newlyMarked) {
      return newState;
    }
    ((ObjectNode) metadata).put(DELETION_GRACE_PERIOD, 0);
    ((ObjectNode) metadata).put("generation", metadata.path("generation").asLong() + 1);
    return object.toString();
  }

  private MockResponse serverSideApply(ApiPath path, String body) {
    if (path.parameter("fieldManager").filter(manager -> !manager.isEmpty()).isEmpty()) {
      return ApiStatus.fieldManagerRequired();
    }
    JsonNode applied = readYaml(body);
    Optional<JsonNode> current = stored(path);
    if (current.isPresent()) {
      return update(path, MergePatch.apply(current.get(), applied));
    }
    if (path.isStatus()) {
      return ApiStatus.notFound(path);
    }
    ObjectNode created = applied.deepCopy();
    if (path.namespace() != null) {
      created.withObject(METADATA).put("namespace", path.namespace());
    }
    return super.handleCreate(request(HttpMethod.POST, path.collectionPath(), created));
  }

  private MockResponse mergePatch(ApiPath path, JsonNode patch) {
    return stored(path)
        .map(current -> update(path, MergePatch.apply(current, patch)))
        .orElseGet(() -> ApiStatus.notFound(path));
  }

  /** Replaces the object (or its status) with {@code desired}, as a PUT would. */
  private MockResponse update(ApiPath path, JsonNode desired) {
    String target = path.isStatus() ? path.objectPath() + "/status" : path.objectPath();
    MockResponse response = super.handleUpdate(request(HttpMethod.PUT, target, desired));
    if (response.code() == 200 && isEmpty(response)) {
      // the write removed the last finalizer of a terminating object: answer with its last state
      return ApiStatus.json(200, desired.toString());
    }
    return withApiErrors(path, response);
  }

  private static boolean isEmpty(MockResponse response) {
    return response.getBody() == null || response.getBody().size() == 0;
  }

  private Optional<JsonNode> stored(ApiPath path) {
    MockResponse response = handleGet(path.objectPath());
    return response.code() == 200
        ? Optional.of(read(new String(response.getBody().getBytes(), StandardCharsets.UTF_8)))
        : Optional.empty();
  }

  private static MockResponse withApiErrors(ApiPath path, MockResponse response) {
    return switch (response.code()) {
      case 202 -> response.setResponseCode(200);
      case 404 -> ApiStatus.notFound(path);
      case 409 -> ApiStatus.conflict(path);
      default -> response;
    };
  }

  private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        Headers.builder().add("Content-Type", "application/json").build(),
        new Buffer(body.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static String body(RecordedRequest request) {
    return new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode readYaml(String yaml) {
    if (yaml.stripLeading().startsWith("{")) {
      return read(yaml);
    }
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not YAML: " + e.getOriginalMessage(), e);
    }
  }
}
