package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * fabric8's CRUD mock dispatcher made to behave like kube-apiserver where the mock does not:
 * server-side apply, RFC 7386 merge patch, {@code metadata.generation} and {@code
 * deletionTimestamp} on deletion, namespaces that must exist, kube-apiserver's 3 MiB limit on a
 * request body, a review of every write before it is stored, kube-apiserver's {@code Status}
 * bodies, and the computed answers to a {@code SelfSubjectRulesReview} and a service account's
 * {@code TokenRequest}.
 */
public class FaithfulCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String METADATA = "metadata";
  private static final String DELETION_TIMESTAMP = "deletionTimestamp";
  private static final String DELETION_GRACE_PERIOD = "deletionGracePeriodSeconds";

  /** kube-apiserver's {@code MaxRequestBodyBytes}: larger writes are refused before decoding. */
  private static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;

  private final WriteReview review;
  private final Consumer<StoredChange> changes;
  private final Predicate<String> namespaceExists;
  private final LongSupplier nextResourceVersion;
  private final StoreIndex keys = new StoreIndex(map);
  private final ServiceAccountTokenIssuer tokens = new ServiceAccountTokenIssuer(Clock.systemUTC());

  /** Serialises every write, so that a read-modify-write below is atomic. */
  private final Object writes = new Object();

  /** A dispatcher that stores every well-formed write and tells no one about changes. */
  public FaithfulCrudDispatcher() {
    this(WriteReview.ALLOW_ALL, change -> {});
  }

  /**
   * A dispatcher that asks {@code review} before storing, reports every stored change, and holds
   * its own namespaces.
   */
  public FaithfulCrudDispatcher(WriteReview review, Consumer<StoredChange> changes) {
    this(review, changes, null, null);
  }

  /**
   * A dispatcher that asks {@code review} before storing and reports every stored change.
   *
   * @param review admission and validation of writes
   * @param changes called, under the store's write lock, with every change in order
   * @param namespaceExists whether a namespace exists, where another store holds the namespaces
   * @param nextResourceVersion the next resourceVersion, where stores share one sequence (as one
   *     etcd does); null for this store's own
   */
  FaithfulCrudDispatcher(
      WriteReview review,
      Consumer<StoredChange> changes,
      Predicate<String> namespaceExists,
      LongSupplier nextResourceVersion) {
    this.review = review;
    this.changes = changes;
    this.nextResourceVersion = nextResourceVersion;
    this.namespaceExists =
        namespaceExists != null
            ? namespaceExists
            : namespace -> stored(ApiPath.parse("/api/v1/namespaces/" + namespace)).isPresent();
  }

  @Override
  public long requestResourceVersion() {
    return nextResourceVersion == null
        ? super.requestResourceVersion()
        : nextResourceVersion.getAsLong();
  }

  @Override
  public MockResponse handleGet(String pathAndQuery) {
    ApiPath path = ApiPath.parse(pathAndQuery);
    if (path.name() == null || path.parameter("watch").isPresent()) {
      return super.handleGet(pathAndQuery);
    }
    AttributeSet query = attributeExtractor.fromPath(pathAndQuery);
    if (!StoreIndex.covers(query)) {
      MockResponse response = super.handleGet(pathAndQuery);
      return response.code() == 404 ? ApiStatus.notFound(path) : response;
    }
    return keys.find(query)
        .map(found -> ApiStatus.json(200, found.getValue()))
        .orElseGet(() -> ApiStatus.notFound(path));
  }

  /** Finds the object a write addresses through the index, as the fabric8 store would by a scan. */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    return StoreIndex.covers(attributes)
        ? keys.find(attributes).orElse(null)
        : super.findResource(attributes);
  }

  @Override
  public void reset() {
    super.reset();
    keys.clear();
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    if (request.getBody().size() > MAX_REQUEST_BYTES) {
      return ApiStatus.requestEntityTooLarge(MAX_REQUEST_BYTES);
    }
    ApiPath path = ApiPath.parse(request.getPath());
    synchronized (writes) {
      try {
        if (SelfRulesReview.isAskedBy(path)) {
          return SelfRulesReview.answer(read(body(request)));
        }
        if (ServiceAccountTokenIssuer.isAskedBy(path)) {
          return stored(path.withName(path.name())).isPresent()
              ? tokens.issue(path, read(body(request)))
              : ApiStatus.notFound(path.withName(path.name()));
        }
        return create(path, read(body(request)));
      } catch (IllegalArgumentException e) {
        return ApiStatus.badRequest(e.getMessage());
      }
    }
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    if (request.getBody().size() > MAX_REQUEST_BYTES) {
      return ApiStatus.requestEntityTooLarge(MAX_REQUEST_BYTES);
    }
    ApiPath path = ApiPath.parse(request.getPath());
    synchronized (writes) {
      try {
        JsonNode desired = read(body(request));
        return stored(path)
            .map(current -> update(path, current, desired))
            .orElseGet(() -> ApiStatus.notFound(path));
      } catch (IllegalArgumentException e) {
        return ApiStatus.badRequest(e.getMessage());
      }
    }
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    if (request.getBody().size() > MAX_REQUEST_BYTES) {
      return ApiStatus.requestEntityTooLarge(MAX_REQUEST_BYTES);
    }
    ApiPath path = ApiPath.parse(request.getPath());
    String contentType = request.getHeader("Content-Type");
    String mediaType =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    synchronized (writes) {
      try {
        if (mediaType.equals("application/apply-patch+yaml")) {
          return serverSideApply(path, body(request));
        }
        if (mediaType.equals("application/strategic-merge-patch+json") && !path.isCore()) {
          return ApiStatus.unsupportedPatchType();
        }
        JsonNode patch = read(body(request));
        Optional<JsonNode> current = stored(path);
        if (current.isEmpty()) {
          return ApiStatus.notFound(path);
        }
        JsonNode desired =
            mediaType.equals("application/json-patch+json")
                ? JsonPatch.apply(patch, current.get())
                : MergePatch.apply(current.get(), patch);
        if (staleResourceVersion(desired, current.get())) {
          return ApiStatus.conflict(path);
        }
        return update(path, current.get(), desired);
      } catch (IllegalArgumentException | JsonPatchException e) {
        return ApiStatus.badRequest(e.getMessage());
      }
    }
  }

  /**
   * Whether a patch set a resourceVersion other than the stored one: kube-apiserver takes it as a
   * precondition and answers 409 (k8s.io/apiserver/pkg/registry/generic/registry/store.go, {@code
   * Store.Update}: a non-zero resourceVersion that differs from the existing one is a conflict).
   */
  private static boolean staleResourceVersion(JsonNode desired, JsonNode current) {
    String wanted = desired.path(METADATA).path("resourceVersion").asText("");
    return !wanted.isEmpty()
        && !wanted.equals(current.path(METADATA).path("resourceVersion").asText(""));
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
   * Applies what kube-apiserver does to every stored state (an object that has just been marked for
   * deletion gets a new generation, one marked with no finalizers left is removed), then reports
   * the change.
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
    GenericKubernetesResource stored = state == null ? null : resource;
    keys.change(
        oldAttributes,
        () -> super.processEvent(path, pathAttributes, oldAttributes, stored, state),
        () -> state == null ? null : keyOf(pathAttributes, stored, state));
    if (state != null) {
      JsonNode object = read(state);
      long version = object.path(METADATA).path("resourceVersion").asLong();
      changes.accept(new StoredChange(oldState == null ? "ADDED" : "MODIFIED", object, version));
    } else if (oldState != null) {
      ObjectNode object = (ObjectNode) read(oldState);
      long version = requestResourceVersion();
      object.withObject(METADATA).put("resourceVersion", String.valueOf(version));
      changes.accept(new StoredChange("DELETED", object, version));
    }
  }

  /** The key fabric8's {@code processEvent} stores {@code state} under, worked out the same way. */
  private AttributeSet keyOf(
      AttributeSet pathAttributes, GenericKubernetesResource resource, String state) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key =
        resource != null ? extractor.extract(resource) : extractor.fromResource(state);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL)
        ? key
        : AttributeSet.merge(pathAttributes, key);
  }

  /**
   * What kube-apiserver's CRD controllers write into a new CustomResourceDefinition's status once
   * its names are taken and its resource is served, so that {@code kubectl wait
   * --for=condition=Established} and clients that wait the same way go on.
   */
  private static void established(ObjectNode crd) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode status = crd.putObject("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    conditions
        .addObject()
        .put("type", "NamesAccepted")
        .put("status", "True")
        .put("reason", "NoConflicts")
        .put("message", "no conflicts found")
        .put("lastTransitionTime", now);
    conditions
        .addObject()
        .put("type", "Established")
        .put("status", "True")
        .put("reason", "InitialNamesAccepted")
        .put("message", "the initial names have been accepted")
        .put("lastTransitionTime", now);
    ArrayNode stored = status.putArray("storedVersions");
    crd.path("spec")
        .path("versions")
        .forEach(
            version -> {
              if (version.path("storage").asBoolean()) {
                stored.add(version.path("name").asText());
              }
            });
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
      return update(path, current.get(), MergePatch.apply(current.get(), applied));
    }
    if (path.isStatus()) {
      return ApiStatus.notFound(path);
    }
    return create(path, applied);
  }

  /** Stores a new object, as a POST to its collection would. */
  private MockResponse create(ApiPath path, JsonNode object) {
    ObjectNode created = object.deepCopy();
    if (path.namespace() != null) {
      if (!namespaceExists.test(path.namespace())) {
        return ApiStatus.notFound(ApiPath.parse("/api/v1/namespaces/" + path.namespace()));
      }
      created.withObject(METADATA).put("namespace", path.namespace());
    }
    if (path.isCore() && path.resource().equals("namespaces") && !created.has("status")) {
      created.putObject("status").put("phase", "Active");
    }
    if (path.group().equals("apiextensions.k8s.io")
        && path.resource().equals("customresourcedefinitions")) {
      established(created);
    }
    String name = created.path(METADATA).path("name").asText();
    if (!name.isEmpty() && stored(path.withName(name)).isPresent()) {
      return ApiStatus.alreadyExists(path, name);
    }
    Optional<MockResponse> refusal = review.refusal(path, created, null);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return super.handleCreate(request(HttpMethod.POST, path.collectionPath(), created));
  }

  /** Replaces the object (or its status) with {@code desired}, as a PUT would. */
  private MockResponse update(ApiPath path, JsonNode current, JsonNode desired) {
    Optional<MockResponse> refusal = review.refusal(path, desired, current);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String target = path.isStatus() ? path.objectPath() + "/status" : path.objectPath();
    MockResponse response = super.handleUpdate(request(HttpMethod.PUT, target, desired));
    return switch (response.code()) {
      case 200 -> isEmpty(response) ? ApiStatus.json(200, desired.toString()) : response;
      case 404 -> ApiStatus.notFound(path);
      case 409 -> ApiStatus.conflict(path);
      default -> response;
    };
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
