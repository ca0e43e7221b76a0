package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static final Duration DELAY = Duration.ofMillis(900);

  private final KfpEmulator emulator = KfpEmulator.builder().start();
  private final KfpHttp http = new KfpHttp(emulator);

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void serverErrorRuleAnswers503WithoutTakingEffect() {
    emulator.faults().add(FaultRule.serverErrors("POST", "/apis/v2beta1/pipelines", 1.0));

    KfpHttp.Reply reply = http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().get("code").getAsInt()).isEqualTo(14);
    assertThat(http.get("/apis/v2beta1/pipelines").body().has("pipelines")).isFalse();
  }

  @Test
  void conflictRuleAnswers409AbortedWithoutTakingEffectAndIsCounted() {
    emulator.faults().add(FaultRule.conflicts("POST", "/apis/v2beta1/pipelines", 1.0));

    KfpHttp.Reply reply = http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body().get("code").getAsInt()).isEqualTo(10);
    assertThat(http.get("/apis/v2beta1/pipelines").body().has("pipelines")).isFalse();
    assertThat(emulator.faults().injected()).isEqualTo(1);
  }

  @Test
  void latencySpikesOfRateZeroNeverDelay() {
    emulator.faults().add(FaultRule.latencySpikes(null, ".*/healthz", Duration.ofSeconds(5), 0));

    long start = System.nanoTime();
    http.get("/apis/v2beta1/healthz");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(emulator.faults().injected()).isZero();
  }

  @Test
  void latencyRuleDelaysTheAnswer() {
    emulator
        .faults()
        .add(FaultRule.latency("GET", "/apis/v2beta1/healthz", Duration.ofMillis(300)));

    long start = System.nanoTime();
    http.get("/apis/v2beta1/healthz");

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void droppedResponseStillCommitsTheChange() {
    emulator.faults().add(FaultRule.dropAfterCommit("POST", "/apis/v2beta1/pipelines", 1.0));

    assertThatThrownBy(() -> http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}"))
        .isInstanceOf(UncheckedIOException.class);

    emulator.faults().clear();
    assertThat(http.get("/apis/v2beta1/pipelines/names/p").status()).isEqualTo(200);
    assertThat(emulator.log().entries().get(0).status()).isZero();
  }

  @Test
  void aLateAnswerThatCommitsBeforeItsDelayShowsTheChangeWhileTheClientStillWaits()
      throws Exception {
    CompletableFuture<KfpHttp.Reply> late = postLate(LateCommit.BEFORE_DELAY);

    Thread.sleep(300);
    assertThat(http.get("/apis/v2beta1/pipelines/names/p").status()).isEqualTo(200);
    assertThat(late.get().status()).isEqualTo(200);
  }

  @Test
  void aLateAnswerThatCommitsAfterItsDelayShowsTheChangeOnlyThen() throws Exception {
    CompletableFuture<KfpHttp.Reply> late = postLate(LateCommit.AFTER_DELAY);

    Thread.sleep(300);
    assertThat(http.get("/apis/v2beta1/pipelines/names/p").status()).isEqualTo(404);
    assertThat(late.get().status()).isEqualTo(200);
    assertThat(http.get("/apis/v2beta1/pipelines/names/p").status()).isEqualTo(200);
  }

  @Test
  void aLateAnswerThatNeverCommitsLeavesNothingAndTheNextCallIsOnTime() throws Exception {
    CompletableFuture<KfpHttp.Reply> late = postLate(LateCommit.NEVER);

    assertThat(late.get().status()).isEqualTo(503);
    assertThat(http.get("/apis/v2beta1/pipelines/names/p").status()).isEqualTo(404);
    long start = System.nanoTime();
    assertThat(http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DELAY);
  }

  private CompletableFuture<KfpHttp.Reply> postLate(LateCommit commit) {
    emulator
        .faults()
        .add(FaultRule.lateAnswerOnce("POST", "/apis/v2beta1/pipelines", DELAY, commit));
    return CompletableFuture.supplyAsync(
        () -> http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}"));
  }

  @Test
  void expiredTokenIsUnauthenticatedWhileAFreshOneWorks() {
    emulator.faults().expireToken("old");

    KfpHttp.Reply expired =
        http.send(
            HttpRequest.newBuilder(emulator.url().resolve("/apis/v2beta1/pipelines"))
                .header("Authorization", "Bearer old"));
    KfpHttp.Reply fresh =
        http.send(
            HttpRequest.newBuilder(emulator.url().resolve("/apis/v2beta1/pipelines"))
                .header("Authorization", "Bearer new"));

    assertThat(expired.status()).isEqualTo(401);
    assertThat(fresh.status()).isEqualTo(200);
  }

  @Test
  void partialErrorRateIsDeterministicForASeed() {
    assertThat(failures(7)).isEqualTo(failures(7)).isBetween(5, 15);
  }

  private static int failures(long seed) {
    try (KfpEmulator seeded = KfpEmulator.builder().seed(seed).start()) {
      seeded.faults().add(FaultRule.serverErrors(null, ".*/healthz", 0.5));
      KfpHttp client = new KfpHttp(seeded);
      int failed = 0;
      for (int i = 0; i < 20; i++) {
        failed += client.get("/apis/v2beta1/healthz").status() == 503 ? 1 : 0;
      }
      return failed;
    }
  }

  @Test
  void idsRepeatForTheSameSeed() {
    assertThat(firstPipelineId(3)).isEqualTo(firstPipelineId(3)).isNotEqualTo(firstPipelineId(4));
    assertThat(firstPipelineId(3))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  private static String firstPipelineId(long seed) {
    try (KfpEmulator seeded = KfpEmulator.builder().seed(seed).start()) {
      return PipelineRulesTest.pipelineId(
          new KfpHttp(seeded).post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}"));
    }
  }
}
