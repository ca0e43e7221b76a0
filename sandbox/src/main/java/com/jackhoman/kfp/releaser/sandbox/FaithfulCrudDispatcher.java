package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jackhoman.kfp.releaser.kfp.packages.CanonicalJson;
import com.jackhoman.kfp.releaser.validate.StorageLimits;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * fabric8's CRUD mock dispatcher made to behave like kube-apiserver where the mock does not:
 * server-side apply, RFC 7386 merge patch, {@code metadata.generation} and {@code
 * deletionTimestamp} on deletion, namespaces that must exist and that go {@code Terminating} when
 * deleted, unknown fields pruned as {@code fieldValidation} says, the size limits of a default
 * cluster ({@link StorageLimits}), custom resources kept with their map keys sorted, a review of
 * every write before it is stored, kube-apiserver's {@code Status} bodies, and the computed answers
 * to a {@code SelfSubjectRulesReview} and a service account's {@code TokenRequest}.
 */
public class FaithfulCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String METADATA = "metadata";
  private static final String DELETION_TIMESTAMP = "deletionTimestamp";
  private static final String DELETION_GRACE_PERIOD = "deletionGracePeriodSeconds";
  private static final String FINALIZERS = "finalizers";
  private static final String TERMINATING = "Terminating";
  private static final String NAMESPACES = "/api/v1/namespaces";

  private final WriteReview review;
  private final Consumer<StoredChange> changes;
  private final Function<String, Optional<JsonNode>> namespaces;
  private final LongSupplier nextResourceVersion;
  private final StoreIndex keys = new StoreIndex(map);
  private final ServiceAccountTokenIssuer tokens = new ServiceAccountTokenIssuer(Clock.systemUTC());

  /** The namespace controller of a dispatcher that holds its own namespaces; else null. */
  private final NamespaceController namespaceController;

  /** Serialises every write, so that a read-modify-write below is atomic. */
  private final Object writes = new Object();

  /** The namespace {@link #finalizeNamespace} is removing, under {@link #writes}; else null. */
  private String finalizing;

  /** A dispatcher that stores every well-formed write and tells no one about changes. */
  public FaithfulCrudDispatcher() {
    this(WriteReview.ALLOW_ALL, change -> {});
  }

  /**
   * A dispatcher that asks {@code review} before storing, reports every stored change, and holds
   * its own namespaces, emptied and removed by a {@link NamespaceController} of its own when
   * deleted.
   */
  public FaithfulCrudDispatcher(WriteReview review, Consumer<StoredChange> changes) {
    this(review, changes, null, null);
  }

  /**
   * A dispatcher that asks {@code review} before storing and reports every stored change.
   *
   * @param review admission and validation of writes
   * @param changes called, under the store's write lock, with every change in order
   * @param namespaces the stored namespace of a name, where another store holds the namespaces
   * @param nextResourceVersion the next resourceVersion, where stores share one sequence (as one
   *     etcd does); null for this store's own
   */
  FaithfulCrudDispatcher(
      WriteReview review,
      Consumer<StoredChange> changes,
      Function<String, Optional<JsonNode>> namespaces,
      LongSupplier nextResourceVersion) {
    this.review = review;
    this.changes = changes;
    this.nextResourceVersion = nextResourceVersion;
    this.namespaces =
        namespaces != null ? namespaces : name -> stored(ApiPath.parse(NAMESPACES + "/" + name));
    this.namespaceController =
        namespaces != null ? null : new NamespaceController(() -> List.of(this), this);
  }

  /** Stops the namespace controller of its own, if it has one. */
  @Override
  public void shutdown() {
    if (namespaceController != null) {
      namespaceController.close();
    }
  }

  private void report(StoredChange change) {
    changes.accept(change);
    if (namespaceController != null) {
      namespaceController.changed(change);
    }
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
    Optional<StorageLimits.Refusal> tooLarge = StorageLimits.bodyRefusal(request.getBody().size());
    if (tooLarge.isPresent()) {
      return ApiStatus.tooLarge(tooLarge.get());
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
    Optional<StorageLimits.Refusal> tooLarge = StorageLimits.bodyRefusal(request.getBody().size());
    if (tooLarge.isPresent()) {
      return ApiStatus.tooLarge(tooLarge.get());
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
    Optional<StorageLimits.Refusal> tooLarge = StorageLimits.bodyRefusal(request.getBody().size());
    if (tooLarge.isPresent()) {
      return ApiStatus.tooLarge(tooLarge.get());
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
      if (isNamespace(path) && path.name() != null) {
        Optional<JsonNode> terminating =
            stored(path).filter(ns -> ns.path(METADATA).hasNonNull(DELETION_TIMESTAMP));
        if (terminating.isPresent()) {
          return ApiStatus.json(200, terminating.get().toString());
        }
      }
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

  /**
   * Deletes every object this store holds in {@code namespace} that is not marked for deletion yet,
   * as the namespace controller does; true when it held none at all.
   */
  boolean deleteContentOf(String namespace) {
    synchronized (writes) {
      boolean heldNone = true;
      for (Map.Entry<AttributeSet, String> entry : List.copyOf(map.entrySet())) {
        JsonNode object = read(entry.getValue());
        JsonNode metadata = object.path(METADATA);
        if (!namespace.equals(metadata.path("namespace").asText())) {
          continue;
        }
        heldNone = false;
        if (!metadata.hasNonNull(DELETION_TIMESTAMP)) {
          String apiVersion = object.path("apiVersion").asText();
          handleDelete(
              (apiVersion.contains("/") ? "/apis/" : "/api/")
                  + apiVersion
                  + "/namespaces/"
                  + namespace
                  + "/"
                  + entry
                      .getKey()
                      .getAttribute(KubernetesAttributesExtractor.PLURAL)
                      .getValues()
                      .get(0)
                  + "/"
                  + metadata.path("name").asText());
        }
      }
      return heldNone;
    }
  }

  /**
   * Removes a namespace being deleted, as kube-apiserver does once kube-controller-manager's
   * namespace controller has emptied it and its {@code spec.finalizers} (through {@code
   * /finalize}).
   */
  void finalizeNamespace(String name) {
    ApiPath path = ApiPath.parse(NAMESPACES + "/" + name);
    synchronized (writes) {
      boolean terminating =
          stored(path)
              .filter(namespace -> namespace.path(METADATA).hasNonNull(DELETION_TIMESTAMP))
              .isPresent();
      if (terminating) {
        finalizing = name;
        try {
          super.handleDelete(path.objectPath());
        } finally {
          finalizing = null;
        }
      }
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
   * deletion gets a new generation, one marked with no finalizers left is removed, a namespace
   * deleted goes {@code Terminating} instead, a custom resource's map keys are sorted), then
   * reports the change.
   */
  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    String oldState = oldAttributes == null ? null : map.get(oldAttributes);
    ApiPath target = ApiPath.parse(path);
    String ruled =
        newState == null
            ? terminatingNamespace(target, oldState)
            : afterDeletionRules(target, oldState, newState);
    String state =
        ruled != null && isCustom(target)
            ? CanonicalJson.withSortedKeys(read(ruled)).toString()
            : ruled;
    GenericKubernetesResource stored = state == null || newState == null ? null : resource;
    keys.change(
        oldAttributes,
        () -> super.processEvent(path, pathAttributes, oldAttributes, stored, state),
        () -> state == null ? null : keyOf(pathAttributes, stored, state));
    if (state != null) {
      JsonNode object = read(state);
      long version = object.path(METADATA).path("resourceVersion").asLong();
      report(new StoredChange(oldState == null ? "ADDED" : "MODIFIED", object, version));
    } else if (oldState != null) {
      ObjectNode object = (ObjectNode) read(oldState);
      long version = requestResourceVersion();
      object.withObject(METADATA).put("resourceVersion", String.valueOf(version));
      report(new StoredChange("DELETED", object, version));
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

  /**
   * What a namespace being deleted becomes: kube-apiserver keeps one whose {@code spec.finalizers}
   * are not empty, marked for deletion and {@code Terminating}, until the namespace controller has
   * deleted its content and emptied them (pkg/registry/core/namespace/storage/storage.go, {@code
   * REST.Delete}; recorded from kube-apiserver v1.32.13 here: DELETE answered 200 with the
   * namespace, {@code deletionTimestamp} set, {@code spec.finalizers: [kubernetes]} and {@code
   * status.phase: Terminating}). fabric8's store removes an object marked for deletion without
   * {@code metadata.finalizers} on any PUT; a namespace marked already stays as it is instead.
   * Anything else deleted is gone: null.
   */
  private String terminatingNamespace(ApiPath path, String oldState) {
    if (oldState == null || !isNamespace(path)) {
      return null;
    }
    ObjectNode namespace = (ObjectNode) read(oldState);
    if (namespace.path("spec").path(FINALIZERS).isEmpty()
        || namespace.path(METADATA).path("name").asText().equals(finalizing)) {
      return null;
    }
    if (namespace.path(METADATA).hasNonNull(DELETION_TIMESTAMP)) {
      return oldState;
    }
    namespace
        .withObject(METADATA)
        .put(DELETION_TIMESTAMP, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .put("resourceVersion", String.valueOf(requestResourceVersion()));
    namespace.withObject("status").put("phase", TERMINATING);
    return namespace.toString();
  }

  /**
   * An object marked for deletion is removed once its finalizers are gone, a namespace once its
   * {@code spec.finalizers} are gone too; one marked just now gets a new generation.
   */
  private static String afterDeletionRules(ApiPath path, String oldState, String newState) {
    JsonNode object = read(newState);
    JsonNode metadata = object.path(METADATA);
    if (!metadata.hasNonNull(DELETION_TIMESTAMP)) {
      return newState;
    }
    boolean finalized =
        metadata.path(FINALIZERS).isEmpty()
            && !(isNamespace(path) && !object.path("spec").path(FINALIZERS).isEmpty());
    if (finalized) {
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
    return decoded(path, created, () -> decodedCreate(path, created));
  }

  private MockResponse decodedCreate(ApiPath path, ObjectNode created) {
    if (path.namespace() != null) {
      Optional<JsonNode> namespace = namespaces.apply(path.namespace());
      if (namespace.isEmpty()) {
        return ApiStatus.notFound(ApiPath.parse(NAMESPACES + "/" + path.namespace()));
      }
      if (TERMINATING.equals(namespace.get().path("status").path("phase").asText())) {
        return ApiStatus.namespaceTerminating(
            path, created.path(METADATA).path("name").asText(), path.namespace());
      }
      created.withObject(METADATA).put("namespace", path.namespace());
    }
    if (isNamespace(path)) {
      if (!created.path("spec").has(FINALIZERS)) {
        created.withObject("spec").putArray(FINALIZERS).add("kubernetes");
      }
      if (!created.has("status")) {
        created.putObject("status").put("phase", "Active");
      }
    }
    if (path.group().equals("apiextensions.k8s.io")
        && path.resource().equals("customresourcedefinitions")) {
      established(created);
    }
    String name = created.path(METADATA).path("name").asText();
    if (!name.isEmpty() && stored(path.withName(name)).isPresent()) {
      return ApiStatus.alreadyExists(path, name);
    }
    Optional<MockResponse> refusal =
        review.refusal(path, created, null).or(() -> tooLargeToStore(path, name, created));
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return sortedIfCustom(
        path, super.handleCreate(request(HttpMethod.POST, path.collectionPath(), created)));
  }

  /** Replaces the object (or its status) with {@code desired}, as a PUT would. */
  private MockResponse update(ApiPath path, JsonNode current, JsonNode desired) {
    ObjectNode decoded = desired.deepCopy();
    return decoded(path, decoded, () -> decodedUpdate(path, current, decoded));
  }

  private MockResponse decodedUpdate(ApiPath path, JsonNode current, ObjectNode desired) {
    Optional<MockResponse> refusal =
        review
            .refusal(path, desired, current)
            .or(() -> tooLargeToStore(path, path.name(), desired));
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String target = path.isStatus() ? path.objectPath() + "/status" : path.objectPath();
    MockResponse response = super.handleUpdate(request(HttpMethod.PUT, target, desired));
    return switch (response.code()) {
      case 200 ->
          isEmpty(response)
              ? ApiStatus.json(200, sortedIfCustom(path, desired).toString())
              : sortedIfCustom(path, response);
      case 404 -> ApiStatus.notFound(path);
      case 409 -> ApiStatus.conflict(path);
      default -> response;
    };
  }

  /**
   * Prunes the fields the object's schema does not declare, as kube-apiserver decodes a custom
   * resource, and answers as the request's {@code fieldValidation} says: {@code Strict} refuses
   * them with 400 before anything else is checked, {@code Warn} (the default) writes and names each
   * in a {@code Warning} header of the answer, whatever it is, and {@code Ignore} writes silently
   * (k8s.io/apiserver/pkg/endpoints/handlers/rest.go {@code fieldValidation}; recorded from
   * kube-apiserver v1.32.13 here: a Pipeline with {@code spec.colour} was stored without it and
   * answered 201 with {@code Warning: 299 - "unknown field \"spec.colour\""}, one header per field,
   * also on a 422).
   */
  private MockResponse decoded(ApiPath path, ObjectNode object, Supplier<MockResponse> write) {
    List<String> unknown = review.pruneUnknownFields(object);
    String validation = path.parameter("fieldValidation").orElse("Warn");
    if (!unknown.isEmpty() && validation.equals("Strict")) {
      return ApiStatus.strictDecodingError(object, unknown);
    }
    MockResponse response = write.get();
    if (validation.equals("Warn")) {
      unknown.forEach(
          field -> response.addHeader("Warning", "299 - \"unknown field \\\"" + field + "\\\"\""));
    }
    return response;
  }

  /** kube-apiserver's 500 when etcd would not take the object (see {@link StorageLimits}). */
  private static Optional<MockResponse> tooLargeToStore(
      ApiPath path, String name, JsonNode object) {
    String key = StorageLimits.key(path.group(), path.resource(), path.namespace(), name);
    return StorageLimits.refusal(key, object).map(ApiStatus::tooLarge);
  }

  /**
   * A custom resource's answer with its map keys sorted. kube-apiserver holds custom resources as
   * unstructured maps and writes them with Go's encoding/json, which sorts map keys: every map of
   * the object, not only those under {@code x-kubernetes-preserve-unknown-fields} (recorded from
   * kube-apiserver v1.32.13 here: a RecurringRun sent as {@code kind, apiVersion}, {@code
   * spec.parameters[0]} as {@code value, name} and a value {@code {"z":1,"a":{"y":1,"b":2}}} came
   * back as {@code apiVersion, kind}, {@code name, value} and {@code {"a":{"b":2,"y":1},"z":1}}).
   * Built-in kinds keep their Go structs' field order, which this API does not model.
   */
  private static MockResponse sortedIfCustom(ApiPath path, MockResponse response) {
    if (!isCustom(path) || isEmpty(response) || response.code() >= 300) {
      return response;
    }
    String sorted = CanonicalJson.withSortedKeys(read(response.getBody().readUtf8())).toString();
    return response.setBody(sorted);
  }

  private static JsonNode sortedIfCustom(ApiPath path, JsonNode object) {
    return isCustom(path) ? CanonicalJson.withSortedKeys(object) : object;
  }

  private static boolean isCustom(ApiPath path) {
    return !ServedResources.isBuiltIn(path.group());
  }

  private static boolean isNamespace(ApiPath path) {
    return path.isCore() && path.resource().equals("namespaces");
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
