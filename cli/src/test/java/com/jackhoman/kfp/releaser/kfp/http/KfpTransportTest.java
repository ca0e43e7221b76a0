package com.jackhoman.kfp.releaser.kfp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.http.StubKfp.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport retries only reads, times out, follows pages and keeps its bearer token fresh. */
class KfpTransportTest {

  private static final String HEALTHZ = "/apis/v2beta1/healthz";

  @TempDir Path dir;

  private final StubKfp kfp = StubKfp.http();
  private final List<Duration> waits = new ArrayList<>();

  @AfterEach
  void stopStub() {
    kfp.close();
  }

  @Test
  void readsAreRetriedWithCappedBackoffWhileKfpIsUnavailable() throws IOException {
    kfp.thenAnswer(
        Answer.json(503, "{}"), Answer.json(500, "{}"), Answer.json(502, "{}"), ok("{}"));
    ReadRetry retry = new ReadRetry(4, Duration.ofMillis(100), Duration.ofMillis(300));

    try (KfpTransport transport = transport(endpoint().withReadRetry(retry))) {
      transport.get(HEALTHZ, Query.none(), JsonObject.class);
    }

    assertThat(kfp.received()).hasSize(4);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
  }

  @Test
  void readsGiveUpAsUnavailableAfterTheLastAttempt() throws IOException {
    kfp.byDefaultAnswer(Answer.json(503, "{\"code\":14,\"message\":\"overloaded\"}"));

    try (KfpTransport transport = transport(endpoint())) {
      assertThatThrownBy(() -> transport.get(HEALTHZ, Query.none(), JsonObject.class))
          .isInstanceOf(KfpUnavailable.class)
          .hasMessageContaining("overloaded");
    }

    assertThat(kfp.received()).hasSize(ReadRetry.standard().maxAttempts());
  }

  @Test
  void writesAreNeverRetried() throws IOException {
    kfp.byDefaultAnswer(Answer.json(503, "{}"));

    try (KfpTransport transport = transport(endpoint())) {
      assertThatThrownBy(() -> transport.post("/apis/v2beta1/experiments", null, Void.class))
          .isInstanceOf(KfpUnavailable.class);
      assertThatThrownBy(() -> transport.delete("/apis/v2beta1/experiments/x", Query.none()))
          .isInstanceOf(KfpUnavailable.class);
      assertThatThrownBy(
              () ->
                  transport.upload(
                      "/apis/v2beta1/pipelines/upload", Query.none(), "a: b", Void.class))
          .isInstanceOf(KfpUnavailable.class);
    }

    assertThat(kfp.received())
        .extracting(StubKfp.Received::method)
        .containsExactly("POST", "DELETE", "POST");
    assertThat(waits).isEmpty();
  }

  @Test
  void anAnswerSlowerThanTheResponseTimeoutIsUnavailable() throws IOException {
    kfp.byDefaultAnswer(new Answer(200, "{}", Duration.ofSeconds(3)));
    KfpEndpoint impatient =
        endpoint()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
            .withReadRetry(new ReadRetry(1, Duration.ZERO, Duration.ZERO));

    try (KfpTransport transport = transport(impatient)) {
      assertThatThrownBy(() -> transport.get(HEALTHZ, Query.none(), JsonObject.class))
          .isInstanceOf(KfpUnavailable.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aRefusedConnectionIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KfpEndpoint nobodyThere =
        KfpEndpoint.of(URI.create("http://127.0.0.1:" + closedPort))
            .withReadRetry(new ReadRetry(2, Duration.ofMillis(5), Duration.ofMillis(5)));

    try (KfpTransport transport = transport(nobodyThere)) {
      assertThatThrownBy(() -> transport.get(HEALTHZ, Query.none(), JsonObject.class))
          .isInstanceOf(KfpUnavailable.class)
          .hasMessageContaining("could not be reached");
    }
    assertThat(waits).containsExactly(Duration.ofMillis(5));
  }

  @Test
  void theTokenFileIsReadAgainWhenItChanges() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "first-token\n");

    try (KfpTransport transport = transport(endpoint().withTokenFile(token))) {
      transport.get(HEALTHZ, Query.none(), JsonObject.class);
      Files.writeString(token, "second-token-that-is-longer");
      transport.get(HEALTHZ, Query.none(), JsonObject.class);
    }

    assertThat(kfp.received())
        .extracting(StubKfp.Received::authorization)
        .containsExactly("Bearer first-token", "Bearer second-token-that-is-longer");
  }

  @Test
  void aRejectedTokenIsReadAgainAndTheWriteSentOnceMore() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "token-A");
    kfp.thenAnswer(ok("{}"), Answer.json(401, "{\"code\":16,\"message\":\"expired\"}"), ok("{}"));

    try (KfpTransport transport = transport(endpoint().withTokenFile(token))) {
      transport.get(HEALTHZ, Query.none(), JsonObject.class);
      rotateUnnoticed(token, "token-B");
      transport.post("/apis/v2beta1/recurringruns/r1:enable", null, Void.class);
    }

    assertThat(kfp.received())
        .extracting(StubKfp.Received::authorization)
        .containsExactly("Bearer token-A", "Bearer token-A", "Bearer token-B");
  }

  @Test
  void aTokenStillRejectedAfterRereadingIsUnauthorized() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "token-A");
    kfp.byDefaultAnswer(Answer.json(401, "{\"code\":16,\"message\":\"bad token\"}"));

    try (KfpTransport transport = transport(endpoint().withTokenFile(token))) {
      assertThatThrownBy(() -> transport.get(HEALTHZ, Query.none(), JsonObject.class))
          .isInstanceOf(KfpUnauthorized.class)
          .hasMessageContaining("bad token");
    }

    assertThat(kfp.received()).hasSize(1);
  }

  @Test
  void aMissingTokenFileIsUnauthorizedWithoutCallingKfp() throws IOException {
    try (KfpTransport transport = transport(endpoint().withTokenFile(dir.resolve("absent")))) {
      assertThatThrownBy(() -> transport.get(HEALTHZ, Query.none(), JsonObject.class))
          .isInstanceOf(KfpUnauthorized.class)
          .hasMessageContaining("token file");
    }

    assertThat(kfp.received()).isEmpty();
  }

  @Test
  void aSuccessWhoseBodyIsNotKfpJsonIsUnavailable() throws IOException {
    kfp.byDefaultAnswer(Answer.json(200, "<html>proxy page</html>"));
    KfpEndpoint once = endpoint().withReadRetry(new ReadRetry(1, Duration.ZERO, Duration.ZERO));

    try (KfpTransport transport = transport(once)) {
      assertThatThrownBy(() -> transport.get(HEALTHZ, Query.none(), JsonObject.class))
          .isInstanceOf(KfpUnavailable.class)
          .hasMessageContaining("not its JSON");
    }
  }

  @Test
  void everyCallCarriesTheUserIdHeader() throws IOException {
    try (KfpTransport transport = transport(endpoint().withUserId("alice@example.com"))) {
      transport.get(HEALTHZ, Query.none(), JsonObject.class);
      transport.delete("/apis/v2beta1/experiments/x", Query.none());
    }

    assertThat(kfp.received())
        .extracting(StubKfp.Received::userId)
        .containsExactly("alice@example.com", "alice@example.com");
  }

  @Test
  void listsFollowPageTokensUntilKfpGivesNone() throws IOException {
    kfp.thenAnswer(
        ok("{\"items\":[1,2],\"next_page_token\":\"t1\"}"),
        ok("{\"items\":[3,4],\"next_page_token\":\"t2\"}"),
        ok("{\"items\":[5]}"));

    List<Long> all;
    try (KfpTransport transport = transport(endpoint().withPageSize(2))) {
      all = transport.list("/apis/v2beta1/things", Query.none(), Items.class, Items::page, 100);
    }

    assertThat(all).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(kfp.received())
        .extracting(StubKfp.Received::uri)
        .containsExactly(
            "/apis/v2beta1/things?page_size=2",
            "/apis/v2beta1/things?page_size=2&page_token=t1",
            "/apis/v2beta1/things?page_size=2&page_token=t2");
  }

  @Test
  void listsStopAskingOnceTheLimitIsReached() throws IOException {
    kfp.byDefaultAnswer(ok("{\"items\":[1,2],\"next_page_token\":\"more\"}"));

    List<Long> few;
    try (KfpTransport transport = transport(endpoint().withPageSize(2))) {
      few = transport.list("/apis/v2beta1/things", Query.none(), Items.class, Items::page, 3);
    }

    assertThat(few).hasSize(3);
    assertThat(kfp.received()).hasSize(2);
  }

  /** A test page shape. */
  private record Items(List<Long> items, String nextPageToken) {
    Page<Long> page() {
      return new Page<>(items, nextPageToken);
    }
  }

  /** Replaces the token with one of the same length and time, so only a 401 reveals it. */
  private static void rotateUnnoticed(Path token, String newToken) throws IOException {
    FileTime before = Files.getLastModifiedTime(token);
    Files.writeString(token, newToken);
    Files.setLastModifiedTime(token, before);
  }

  private static Answer ok(String body) {
    return Answer.json(200, body);
  }

  private KfpEndpoint endpoint() {
    return KfpEndpoint.of(kfp.url());
  }

  private KfpTransport transport(KfpEndpoint endpoint) {
    return new KfpTransport(endpoint, waits::add);
  }
}
