package com.jackhoman.kfp.releaser.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The HTTP front of the embedded API: routes each request to version, discovery, OpenAPI, the store
 * (through the {@link FaithfulCrudDispatcher}) or a watch stream, and renders Tables and
 * field-selected lists on the way out.
 */
final class ApiHttpHandler implements HttpHandler {

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  /**
   * Writes watch events with every non-ASCII character escaped ({@code \\uXXXX}, the same JSON).
   * fabric8 7.5.2 watches this API over plain HTTP, since it serves no WebSocket, and its HTTP
   * watch ({@code WatchHTTPManager#start}) decodes each buffer as {@code
   * UTF_8.decode(content).array()}, the whole backing array: after a multi-byte character the array
   * ends in NUL characters, which begin the next event and fail the informer (JOSDK then stops the
   * operator). kube-apiserver sends raw UTF-8, but fabric8 watches it over WebSocket, where this
   * does not happen.
   */
  private static final ObjectWriter WATCH_EVENT =
      JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\",\"gitCommit\":\"sandbox\","
          + "\"gitTreeState\":\"clean\",\"buildDate\":\"2026-01-01T00:00:00Z\","
          + "\"goVersion\":\"go1.23\",\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";

  private static final String RULES_REVIEW =
      "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

  private final ResourceStores stores;
  private final WatchEvents watchEvents;
  private final ServedResources served;
  private final ApiDiscovery discovery;
  private final OpenApiDocuments openApi;
  private final TableRenderer tables;
  private final Clock clock;

  ApiHttpHandler(
      ResourceStores stores, WatchEvents watchEvents, ServedResources served, Clock clock) {
    this.stores = stores;
    this.watchEvents = watchEvents;
    this.served = served;
    this.discovery = new ApiDiscovery(served);
    this.openApi = new OpenApiDocuments(served);
    this.tables = new TableRenderer(clock);
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String pathAndQuery = query == null ? path : path + "?" + query;
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals("/version")) {
        send(exchange, ApiStatus.json(200, VERSION));
      } else if (path.equals(RULES_REVIEW) && exchange.getRequestMethod().equals("POST")) {
        send(exchange, ApiStatus.json(201, everythingAllowed(read(new String(body, UTF_8)))));
      } else if (path.startsWith("/openapi/v3")) {
        send(exchange, openApi.answer(path).orElseGet(ApiHttpHandler::pageNotFound));
      } else if (path.startsWith("/openapi")) {
        send(exchange, pageNotFound());
      } else {
        ApiPath api = ApiPath.parse(pathAndQuery);
        Optional<ServedResource> resource = served.find(api);
        if (api.resource() == null) {
          send(exchange, discovery.answer(path, accept).orElseGet(ApiHttpHandler::pageNotFound));
        } else if (resource.isEmpty()) {
          send(exchange, pageNotFound());
        } else if (exchange.getRequestMethod().equals("GET")
            && isWatch(api)
            && isWebSocketUpgrade(exchange)) {
          send(exchange, ApiStatus.json(200, "{}"));
        } else if (exchange.getRequestMethod().equals("GET") && isWatch(api)) {
          watch(exchange, api, resource.get(), TableRenderer.isWanted(accept));
        } else if (exchange.getRequestMethod().equals("GET")) {
          send(exchange, get(api, resource.get(), TableRenderer.isWanted(accept)));
        } else {
          MockResponse answer = stores.of(api).dispatch(request(exchange, pathAndQuery, body));
          if (resource.get().kind().equals("CustomResourceDefinition") && answer.code() < 300) {
            served.definitionsChanged();
            stores.definitionWritten();
          }
          send(exchange, answer);
        }
      }
    }
  }

  private MockResponse get(ApiPath api, ServedResource resource, boolean asTable) {
    String objectOrList =
        api.name() == null ? api.collectionPath() : api.withName(api.name()).objectPath();
    // Taken before the read: a watch from it then misses no change the read did not show.
    String listVersion = Long.toString(stores.resourceVersion());
    MockResponse response = stores.of(api).handleGet(withLabelSelector(objectOrList, api));
    if (response.code() != 200) {
      return response;
    }
    JsonNode found = read(response.getBody().readUtf8());
    if (api.name() != null) {
      return asTable
          ? ApiStatus.json(
              200, tables.render(resource, List.of(found), version(found), true).toString())
          : ApiStatus.json(200, found.toString());
    }
    List<JsonNode> items = selected(found, api, resource);
    if (asTable) {
      return ApiStatus.json(200, tables.render(resource, items, listVersion, true).toString());
    }
    ObjectNode list =
        JSON.createObjectNode()
            .put("apiVersion", resource.apiVersion())
            .put("kind", resource.kind() + "List");
    list.putObject("metadata").put("resourceVersion", listVersion);
    ArrayNode array = list.putArray("items");
    items.forEach(array::add);
    return ApiStatus.json(200, list.toString());
  }

  private void watch(HttpExchange exchange, ApiPath api, ServedResource resource, boolean asTable)
      throws IOException {
    Predicate<JsonNode> selects = selector(api, resource);
    String requested = api.parameter("resourceVersion").orElse("");
    List<StoredChange> initial = new ArrayList<>();
    long from;
    if (requested.isEmpty() || requested.equals("0")) {
      from = stores.resourceVersion();
      JsonNode list =
          read(
              stores
                  .of(api)
                  .handleGet(withLabelSelector(api.collectionPath(), api))
                  .getBody()
                  .readUtf8());
      long listed = from;
      selected(list, api, resource)
          .forEach(item -> initial.add(new StoredChange("ADDED", item, listed)));
    } else {
      from = Long.parseLong(requested);
      if (watchEvents.expired(from)) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write((tooOldEvent(requested) + "\n").getBytes(UTF_8));
        return;
      }
    }
    Instant deadline =
        clock
            .instant()
            .plusSeconds(api.parameter("timeoutSeconds").map(Long::parseLong).orElse(3600L));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try (WatchEvents.Subscription subscription = watchEvents.subscribe(selects, from)) {
      for (StoredChange change : initial) {
        writeEvent(out, change, resource, asTable);
      }
      while (subscription.isOpen() && clock.instant().isBefore(deadline)) {
        Optional<StoredChange> change = subscription.next(Duration.ofSeconds(1));
        if (change.isPresent()) {
          writeEvent(out, change.get(), resource, asTable);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away: the watch ends with it
    }
  }

  /**
   * Whether a watch asks for a WebSocket, as fabric8's clients do by default. This API streams
   * watches over plain HTTP only; it answers such a request with a finished 200, as {@code kubectl
   * proxy} does, which makes the client watch over HTTP instead (answering it with the stream
   * itself left the client waiting for the handshake's end forever).
   */
  private static boolean isWebSocketUpgrade(HttpExchange exchange) {
    return "websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade"));
  }

  /** What kube-apiserver streams to a watch from a resourceVersion it no longer keeps. */
  private static ObjectNode tooOldEvent(String resourceVersion) {
    ObjectNode event = JSON.createObjectNode().put("type", "ERROR");
    event
        .putObject("object")
        .put("kind", "Status")
        .put("apiVersion", "v1")
        .put("status", "Failure")
        .put("message", "too old resource version: " + resourceVersion)
        .put("reason", "Expired")
        .put("code", 410);
    return event;
  }

  /**
   * The answer to a SelfSubjectRulesReview (asked, for one, by leader election before it starts):
   * the embedded API authorises everything.
   */
  private static String everythingAllowed(JsonNode review) {
    ObjectNode answer = review.deepCopy();
    ObjectNode status = answer.putObject("status");
    ObjectNode rule = status.putArray("resourceRules").addObject();
    rule.putArray("verbs").add("*");
    rule.putArray("apiGroups").add("*");
    rule.putArray("resources").add("*");
    status.putArray("nonResourceRules").addObject().putArray("verbs").add("*");
    status.put("incomplete", false);
    return answer.toString();
  }

  private void writeEvent(
      OutputStream out, StoredChange change, ServedResource resource, boolean asTable)
      throws IOException {
    ObjectNode event = JSON.createObjectNode().put("type", change.type());
    event.set(
        "object",
        asTable
            ? tables.render(
                resource, List.of(change.object()), String.valueOf(change.resourceVersion()), true)
            : change.object());
    out.write((WATCH_EVENT.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static List<JsonNode> selected(JsonNode list, ApiPath api, ServedResource resource) {
    Predicate<JsonNode> selects = selector(api, resource);
    List<JsonNode> items = new ArrayList<>();
    list.path("items")
        .forEach(
            item -> {
              if (selects.test(item)) {
                items.add(item);
              }
            });
    return items;
  }

  private static Predicate<JsonNode> selector(ApiPath api, ServedResource resource) {
    FieldSelector fields = FieldSelector.parse(api.parameter("fieldSelector").orElse(null));
    LabelSelector labels = LabelSelector.parse(api.parameter("labelSelector").orElse(null));
    return object ->
        resource.isKindOf(object)
            && (api.namespace() == null
                || api.namespace().equals(object.path("metadata").path("namespace").asText()))
            && (api.name() == null
                || api.name().equals(object.path("metadata").path("name").asText()))
            && fields.test(object)
            && labels.test(object);
  }

  private static boolean isWatch(ApiPath api) {
    String watch = api.parameter("watch").orElse("false").toLowerCase(Locale.ROOT);
    return watch.equals("true") || watch.equals("1");
  }

  private static String withLabelSelector(String path, ApiPath api) {
    return api.parameter("labelSelector")
        .map(s -> path + "?labelSelector=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
        .orElse(path);
  }

  private static RecordedRequest request(HttpExchange exchange, String pathAndQuery, byte[] body) {
    Headers.Builder headers = Headers.builder();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] json = body;
    if (contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf")) {
      Optional<String> name = NamespaceProtobuf.name(body);
      if (name.isPresent()) {
        ObjectNode namespace =
            JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
        namespace.putObject("metadata").put("name", name.get());
        json = namespace.toString().getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Type", "application/json");
      }
    }
    return new RecordedRequest(
        "HTTP/1.1",
        HttpMethod.valueOf(exchange.getRequestMethod()),
        pathAndQuery,
        headers.build(),
        new Buffer(json));
  }

  private static void send(HttpExchange exchange, MockResponse response) throws IOException {
    Map<String, List<String>> headers = response.getHeaders().toMultimap();
    headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
    if (body.length > 0 && !exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(response.code(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private static MockResponse pageNotFound() {
    return new MockResponse()
        .setResponseCode(404)
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .setBody("404 page not found\n");
  }

  private static String version(JsonNode object) {
    return object.path("metadata").path("resourceVersion").asText();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The store answered with something that is not JSON", e);
    }
  }
}
