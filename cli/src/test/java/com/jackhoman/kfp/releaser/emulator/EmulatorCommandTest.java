package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorCommandTest {

  @Test
  void servesOnlyTheChosenGenerationAndPrintsItsUrl() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out));
    Thread serving =
        new Thread(() -> command.execute("--port", "0", "--api", "v1beta1", "--seed", "5"));
    serving.setDaemon(true);
    serving.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().startsWith("http://"));
    URI url = URI.create(out.toString().trim());
    HttpClient http = HttpClient.newHttpClient();

    assertThat(status(http, url.resolve("/apis/v1beta1/healthz"))).isEqualTo(200);
    assertThat(status(http, url.resolve("/apis/v2beta1/healthz"))).isEqualTo(404);
  }

  private static int status(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
