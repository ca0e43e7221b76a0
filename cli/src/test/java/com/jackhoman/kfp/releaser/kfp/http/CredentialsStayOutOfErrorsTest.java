package com.jackhoman.kfp.releaser.kfp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import com.jackhoman.kfp.releaser.kfp.KfpException;
import com.jackhoman.kfp.releaser.kfp.http.StubKfp.Answer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bearer token never leaves the transport inside an error: not when KFP (or a proxy in front of
 * it) echoes the Authorization header in its error answer, and not through a URL that carries
 * credentials.
 */
class CredentialsStayOutOfErrorsTest {

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl";
  private static final String PIPELINES = "/apis/v2beta1/pipelines";

  @TempDir Path dir;

  private final StubKfp kfp = StubKfp.http();

  @AfterEach
  void stopStub() {
    kfp.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {302, 400, 401, 403, 404, 409, 500, 503})
  void anErrorAnswerEchoingTheAuthorizationHeaderDoesNotCarryTheTokenIntoTheException(int status)
      throws IOException {
    kfp.byDefaultAnswer(
        Answer.json(
            status,
            "{\"code\":16,\"message\":\"denied request with header Authorization: Bearer "
                + TOKEN
                + " (token "
                + TOKEN
                + ")\"}"));

    KfpException error = callFails();

    assertThat(everythingPrintedAbout(error)).doesNotContain(TOKEN).contains("denied request");
  }

  @Test
  void aPlainTextErrorAnswerWithTheBareTokenDoesNotCarryItIntoTheException() throws IOException {
    kfp.byDefaultAnswer(Answer.json(403, "RBAC: access denied for " + TOKEN));

    assertThat(everythingPrintedAbout(callFails())).doesNotContain(TOKEN).contains("access denied");
  }

  @Test
  void aUrlCarryingCredentialsIsRefusedWithoutRepeatingThem() {
    URI withCredentials = URI.create("http://operator:" + TOKEN + "@127.0.0.1:1/pipeline");

    Throwable refused = catchThrowable(() -> KfpEndpoint.of(withCredentials));

    assertThat(refused)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token file");
    assertThat(everythingPrintedAbout(refused)).doesNotContain(TOKEN).doesNotContain("operator:");
  }

  private KfpException callFails() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), TOKEN);
    try (KfpTransport transport =
        new KfpTransport(
            KfpEndpoint.of(kfp.url())
                .withTokenFile(token)
                .withReadRetry(new ReadRetry(1, Duration.ZERO, Duration.ZERO)),
            wait -> {})) {
      Throwable thrown =
          catchThrowable(() -> transport.get(PIPELINES, Query.none(), JsonObject.class));
      assertThat(kfp.received())
          .extracting(StubKfp.Received::authorization)
          .contains("Bearer " + TOKEN);
      assertThat(thrown).isInstanceOf(KfpException.class);
      return (KfpException) thrown;
    }
  }

  /** The exception as a log line shows it: messages and stack trace of it and every cause. */
  private static String everythingPrintedAbout(Throwable error) {
    StringWriter printed = new StringWriter();
    error.printStackTrace(new PrintWriter(printed));
    return printed.toString();
  }
}
