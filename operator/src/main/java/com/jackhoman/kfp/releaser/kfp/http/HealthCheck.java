package com.jackhoman.kfp.releaser.kfp.http;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpHealth;
import com.jackhoman.kfp.releaser.kfp.KfpServerInfo;
import java.util.Locale;

/** {@link KfpHealth} over {@code /apis/<version>/healthz}, which both generations answer alike. */
public final class HealthCheck implements KfpHealth {

  private final KfpTransport transport;
  private final KfpApiVersion api;

  public HealthCheck(KfpTransport transport, KfpApiVersion api) {
    this.transport = transport;
    this.api = api;
  }

  @Override
  public KfpServerInfo check() {
    String path = "/apis/" + api.name().toLowerCase(Locale.ROOT) + "/healthz";
    Healthz answer = transport.get(path, Query.none(), Healthz.class);
    return new KfpServerInfo(
        api,
        answer.tagName(),
        answer.commitSha(),
        Boolean.TRUE.equals(answer.multiUser()),
        answer.pipelineStore() == null ? "" : answer.pipelineStore());
  }

  /** The healthz body. */
  private record Healthz(
      String commitSha, String tagName, Boolean multiUser, String pipelineStore) {}
}
