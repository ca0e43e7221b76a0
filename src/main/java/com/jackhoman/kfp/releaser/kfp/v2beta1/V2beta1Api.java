package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;

/** Builds the v2beta1 adapter: a {@link KfpClient} speaking {@code /apis/v2beta1}. */
public final class V2beta1Api {

  private V2beta1Api() {}

  /** A client whose calls all go through this transport (closed with the client). */
  public static KfpClient client(KfpTransport transport) {
    return new KfpClient(
        KfpApiVersion.V2BETA1,
        new V2Pipelines(transport),
        new V2PipelineVersions(transport),
        new V2RecurringRuns(transport),
        new V2Experiments(transport),
        new HealthCheck(transport, KfpApiVersion.V2BETA1),
        transport);
  }
}
