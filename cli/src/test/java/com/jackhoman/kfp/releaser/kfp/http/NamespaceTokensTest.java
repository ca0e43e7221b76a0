package com.jackhoman.kfp.releaser.kfp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.jackhoman.kfp.releaser.kfp.http.StubKfp.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport with a token per namespace acts in a namespace with that namespace's token, keeps the
 * operator's own token elsewhere, and asks for a fresh token when KFP refuses one.
 */
class NamespaceTokensTest {

  private static final String PIPELINES = "/apis/v2beta1/pipelines";

  @TempDir Path dir;

  private final StubKfp kfp = StubKfp.http();
  private final IssuedTokens tokens = new IssuedTokens();

  @AfterEach
  void stopStub() {
    kfp.close();
  }

  @Test
  void eachNamespaceIsCalledWithItsOwnTokenAndTheRestWithTheOperatorsOwn() throws IOException {
    try (KfpTransport transport = new KfpTransport(endpoint(), wait -> {})) {
      transport.get(PIPELINES, Query.none(), JsonObject.class);
      transport.actingIn("team-a").orElseThrow().get(PIPELINES, Query.none(), JsonObject.class);
      transport.actingIn("team-b").orElseThrow().get(PIPELINES, Query.none(), JsonObject.class);

      assertThat(transport.actingIn("")).isEmpty();
    }

    assertThat(kfp.received())
        .extracting(StubKfp.Received::authorization)
        .containsExactly("Bearer operator", "Bearer team-a-1", "Bearer team-b-1");
  }

  @Test
  void withoutNamespaceTokensTheIdentityNeverChanges() throws IOException {
    try (KfpTransport transport =
        new KfpTransport(KfpEndpoint.of(kfp.url()).withTokenFile(operatorToken()), wait -> {})) {
      assertThat(transport.actingIn("team-a")).isEmpty();
    }
  }

  @Test
  void aRefusedNamespaceTokenIsReplacedAndTheCallSentOnceMore() throws IOException {
    kfp.thenAnswer(Answer.json(401, "{\"code\":16,\"message\":\"token expired\"}"));

    try (KfpTransport transport = new KfpTransport(endpoint(), wait -> {})) {
      transport.actingIn("team-a").orElseThrow().post(PIPELINES, null, JsonObject.class);
    }

    assertThat(tokens.refused).containsExactly("team-a:team-a-1");
    assertThat(kfp.received())
        .extracting(StubKfp.Received::authorization)
        .containsExactly("Bearer team-a-1", "Bearer team-a-2");
  }

  @Test
  void closingANamespaceViewLeavesTheSharedConnectionsOpen() throws IOException {
    try (KfpTransport transport = new KfpTransport(endpoint(), wait -> {})) {
      transport.actingIn("team-a").orElseThrow().close();

      transport.get(PIPELINES, Query.none(), JsonObject.class);
    }

    assertThat(kfp.received()).hasSize(1);
  }

  private KfpEndpoint endpoint() throws IOException {
    return KfpEndpoint.of(kfp.url()).withTokenFile(operatorToken()).withNamespaceTokens(tokens);
  }

  private Path operatorToken() throws IOException {
    return Files.writeString(dir.resolve("token"), "operator");
  }

  /** Issues "namespace-1", then "namespace-2" once that is refused, and remembers refusals. */
  private static final class IssuedTokens implements NamespaceTokens {
    private final Map<String, Integer> generation = new HashMap<>();
    private final List<String> refused = new ArrayList<>();

    @Override
    public synchronized String tokenFor(String namespace) {
      return namespace + "-" + generation.computeIfAbsent(namespace, ns -> 1);
    }

    @Override
    public synchronized void refused(String namespace, String token) {
      refused.add(namespace + ":" + token);
      generation.merge(namespace, 1, Integer::sum);
    }
  }
}
