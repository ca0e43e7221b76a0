package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void readsAreLoggedButCountNoWrites() {
    try (KfpEmulator emulator = KfpEmulator.builder().start()) {
      KfpHttp http = new KfpHttp(emulator);
      http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");
      emulator.log().clear();

      http.get("/apis/v2beta1/pipelines");
      http.get("/apis/v2beta1/pipelines/names/p");

      assertThat(emulator.log().writeCount()).isZero();
      assertThat(emulator.log().entries())
          .containsExactly(
              new LoggedRequest(
                  "GET", "/apis/v2beta1/pipelines", 200, Instant.parse("2026-01-01T00:00:00Z")),
              new LoggedRequest(
                  "GET",
                  "/apis/v2beta1/pipelines/names/p",
                  200,
                  Instant.parse("2026-01-01T00:00:00Z")));
    }
  }

  @Test
  void everyWriteIsCountedWhateverItsStatus() {
    try (KfpEmulator emulator = KfpEmulator.builder().start()) {
      KfpHttp http = new KfpHttp(emulator);

      http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");
      http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");
      http.delete("/apis/v2beta1/pipelines/missing");

      assertThat(emulator.log().writeCount()).isEqualTo(3);
      assertThat(emulator.log().entries())
          .extracting(LoggedRequest::status)
          .containsExactly(200, 409, 404);
    }
  }
}
