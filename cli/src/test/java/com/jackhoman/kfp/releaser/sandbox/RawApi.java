package com.jackhoman.kfp.releaser.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests to a Kubernetes API (embedded or real) through a fabric8 client's own HTTP client, so
 * that a test sees what the server answers byte for byte: status code, {@code Warning} headers and
 * body.
 */
final class RawApi {

  /** One answer of the API server. */
  record Answer(int code, List<String> warnings, String body) {

    /** The body as JSON. */
    JsonNode json() {
      return Serialization.unmarshal(body, JsonNode.class);
    }

    /** The {@code message} of a {@code Status} body. */
    String message() {
      return json().path("message").asText();
    }
  }

  private final KubernetesClient client;

  RawApi(KubernetesClient client) {
    this.client = client;
  }

  /** Sends {@code body} (JSON, or null for none) with {@code method} to {@code path}. */
  Answer send(String method, String path, String contentType, String body) {
    HttpClient http = client.getHttpClient();
    String url = client.getMasterUrl().toString().replaceAll("/$", "") + path;
    HttpRequest.Builder request =
        http.newHttpRequestBuilder().uri(url).method(method, contentType, body);
    try {
      HttpResponse<String> response =
          http.sendAsync(request.build(), String.class).get(60, TimeUnit.SECONDS);
      List<String> warnings = response.headers("Warning");
      return new Answer(response.code(), warnings == null ? List.of() : warnings, response.body());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs the JSON {@code body} to {@code path}. */
  Answer post(String path, String body) {
    return send("POST", path, "application/json", body);
  }
}
