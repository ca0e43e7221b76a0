package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for emulator tests: sends real requests and parses the JSON answers. */
final class KfpHttp {

  /** One answer: status and parsed body. */
  record Reply(int status, JsonObject body) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  KfpHttp(KfpEmulator emulator) {
    this.base = emulator.url();
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Reply delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  Reply post(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Uploads a package from the test resources under {@code kfp-packages/} as {@code uploadfile}.
   */
  Reply upload(String pathAndQuery, String packageFile) {
    return uploadText(pathAndQuery, packageFile, resource(packageFile));
  }

  Reply uploadText(String pathAndQuery, String fileName, String text) {
    String boundary = "emulator-test-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + text
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonElement body = JsonParser.parseString(response.body());
      return new Reply(response.statusCode(), body.isJsonObject() ? body.getAsJsonObject() : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String resource(String packageFile) {
    try (InputStream in = KfpHttp.class.getResourceAsStream("/kfp-packages/" + packageFile)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
