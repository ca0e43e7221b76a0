package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;

/** Builds the v1beta1 adapter: a {@link KfpClient} speaking {@code /apis/v1beta1}. */
public final class V1beta1Api {

  private V1beta1Api() {}

  /** A client whose calls all go through this transport (closed with the client). */
  public static KfpClient client(KfpTransport transport) {
    V1PipelineVersions versions = new V1PipelineVersions(transport);
    return new KfpClient(
        KfpApiVersion.V1BETA1,
        new V1Pipelines(transport, versions),
        versions,
        new V1RecurringRuns(transport),
        new V1Experiments(transport),
        new HealthCheck(transport, KfpApiVersion.V1BETA1),
        transport,
        namespace -> transport.actingIn(namespace).map(V1beta1Api::client));
  }
}
