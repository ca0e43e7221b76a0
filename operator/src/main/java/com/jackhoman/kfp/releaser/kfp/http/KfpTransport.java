package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.JsonParseException;
import com.jackhoman.kfp.releaser.kfp.KfpException;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way the adapters reach KFP: pooled HTTP(S) with timeouts, auth headers, JSON bodies,
 * multipart uploads, error answers as {@link KfpException}s, and capped-backoff retries of reads.
 */
public final class KfpTransport implements Closeable {

  /** The header multi-user KFP reads the caller's identity from (as set up by Kubeflow). */
  public static final String USER_ID_HEADER = "kubeflow-userid";

  private final KfpEndpoint endpoint;
  private final Sleeper sleeper;
  private final Optional<Bearer> token;
  private final CloseableHttpClient http;
  private final boolean ownsPool;

  /** Opens a connection pool to the endpoint; {@code sleeper} waits between read retries. */
  public KfpTransport(KfpEndpoint endpoint, Sleeper sleeper) {
    this(
        endpoint,
        sleeper,
        endpoint.tokenFile().<Bearer>map(BearerToken::new),
        pool(endpoint),
        true);
  }

  private KfpTransport(
      KfpEndpoint endpoint,
      Sleeper sleeper,
      Optional<Bearer> token,
      CloseableHttpClient http,
      boolean ownsPool) {
    this.endpoint = endpoint;
    this.sleeper = sleeper;
    this.token = token;
    this.http = http;
    this.ownsPool = ownsPool;
  }

  /**
   * This transport acting with the identity of a KFP namespace, over the same connections: it sends
   * that namespace's token instead of the operator's own; closing it leaves the pool open. Empty
   * when the identity would not change: the endpoint has no token per namespace, or the namespace
   * is the shared one ({@code ""}).
   */
  public Optional<KfpTransport> actingIn(String namespace) {
    return endpoint
        .namespaceTokens()
        .filter(tokens -> !namespace.isEmpty())
        .map(
            tokens ->
                new KfpTransport(
                    endpoint,
                    sleeper,
                    Optional.of(new NamespaceBearer(tokens, namespace)),
                    http,
                    false));
  }

  private static CloseableHttpClient pool(KfpEndpoint endpoint) {
    Timeout connect = Timeout.of(endpoint.connectTimeout());
    Timeout response = Timeout.of(endpoint.responseTimeout());
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(TlsTrust.strategyFor(endpoint))
                .setMaxConnTotal(endpoint.maxConnections())
                .setMaxConnPerRoute(endpoint.maxConnections())
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        .build())
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(response)
                .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
  }

  /** GETs JSON; retried with backoff while KFP is unavailable. */
  public <T> T get(String path, Query query, Class<T> answer) {
    URI uri = uri(path, query);
    return readWithRetries(() -> call(() -> new HttpGet(uri), answer));
  }

  /**
   * GETs every page of a list (at most {@code limit} items), following page tokens; {@code pageOf}
   * reads one wire answer as a page.
   */
  public <W, T> List<T> list(
      String path, Query query, Class<W> answer, Function<W, Page<T>> pageOf, int limit) {
    String size = String.valueOf(Math.min(endpoint.pageSize(), limit));
    return Page.walk(
        token ->
            pageOf.apply(get(path, query.and("page_size", size).and("page_token", token), answer)),
        limit);
  }

  /** POSTs a JSON body (none: {@code {}}); never retried. */
  public <T> T post(String path, Object body, Class<T> answer) {
    URI uri = uri(path, Query.none());
    String json = body == null ? "{}" : KfpJson.GSON.toJson(body);
    return call(
        () -> {
          HttpPost post = new HttpPost(uri);
          post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
          return post;
        },
        answer);
  }

  /** DELETEs; never retried. */
  public void delete(String path, Query query) {
    URI uri = uri(path, query);
    call(() -> new HttpDelete(uri), Void.class);
  }

  /** POSTs a package as multipart field {@code uploadfile}; never retried. */
  public <T> T upload(String path, Query query, String packageYaml, Class<T> answer) {
    URI uri = uri(path, query);
    byte[] bytes = packageYaml.getBytes(StandardCharsets.UTF_8);
    return call(
        () -> {
          HttpPost post = new HttpPost(uri);
          post.setEntity(
              MultipartEntityBuilder.create()
                  .addBinaryBody("uploadfile", bytes, ContentType.TEXT_PLAIN, "pipeline.yaml")
                  .build());
          return post;
        },
        answer);
  }

  /** Closes the connection pool, unless this transport only borrows it ({@link #actingIn}). */
  @Override
  public void close() throws IOException {
    if (ownsPool) {
      http.close();
    }
  }

  private <T> T readWithRetries(Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (KfpUnavailable unavailable) {
        if (attempt >= endpoint.readRetry().maxAttempts()) {
          throw unavailable;
        }
        pause(endpoint.readRetry().backoffAfter(attempt), unavailable);
      }
    }
  }

  private <T> T call(Supplier<ClassicHttpRequest> request, Class<T> answer) {
    Answer first = send(request.get());
    Answer last =
        ErrorAnswer.mayBeRejectedIdentity(first.status(), first.body())
                && token.isPresent()
                && token.get().renewAfterRejection(first.bearer().orElse(""))
            ? send(request.get())
            : first;
    if (last.status() / 100 != 2) {
      throw ErrorAnswer.toException(last.status(), TokenMask.hide(last.body(), last.bearer()));
    }
    if (answer == Void.class) {
      return null;
    }
    try {
      return KfpJson.GSON.fromJson(last.body(), answer);
    } catch (JsonParseException notKfpJson) {
      throw new KfpUnavailable(
          "KFP answered " + last.status() + " with a body that is not its JSON", notKfpJson);
    }
  }

  private Answer send(ClassicHttpRequest request) {
    if (!"GET".equals(request.getMethod()) && !endpoint.mayWrite().getAsBoolean()) {
      throw new KfpUnavailable(
          0,
          "Not sent: this replica no longer holds the operator's Lease, so it makes no KFP write ("
              + request.getMethod()
              + " "
              + request.getPath()
              + ")");
    }
    Optional<String> bearer = token.map(Bearer::current);
    bearer.ifPresent(t -> request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + t));
    endpoint.userId().ifPresent(user -> request.setHeader(USER_ID_HEADER, user));
    request.setHeader(HttpHeaders.ACCEPT, "application/json");
    long start = System.nanoTime();
    int status = 0;
    try {
      Answer answer =
          http.execute(
              request,
              response ->
                  new Answer(
                      response.getCode(),
                      response.getEntity() == null
                          ? ""
                          : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                      bearer));
      status = answer.status();
      return answer;
    } catch (IOException unreachable) {
      boolean neverSent =
          unreachable instanceof ConnectException
              || unreachable instanceof ConnectTimeoutException
              || unreachable instanceof UnknownHostException;
      throw new KfpUnavailable(
          "KFP could not be reached at " + request.getRequestUri() + ": " + unreachable,
          unreachable,
          neverSent ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - start)));
    } finally {
      endpoint
          .callObserver()
          .called(
              request.getMethod(),
              request.getPath(),
              status,
              Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private URI uri(String path, Query query) {
    try {
      String base = endpoint.baseUrl().toString().replaceAll("/+$", "");
      return new URIBuilder(base + path).addParameters(query.parameters()).build();
    } catch (URISyntaxException badPath) {
      throw new IllegalArgumentException("Not a KFP URL: " + path, badPath);
    }
  }

  private void pause(Duration wait, KfpUnavailable cause) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  /** A status and body as KFP sent them, and the bearer token the request carried. */
  private record Answer(int status, String body, Optional<String> bearer) {}
}
