package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.VersionFormats;

/** Builds the v1beta1 adapter: a {@link KfpClient} speaking {@code /apis/v1beta1}. */
public final class V1beta1Api {

  private V1beta1Api() {}

  /**
   * Recurring runs as v1beta1 jobs, lent to the v2beta1 adapter: only they pass an Argo package's
   * parameters on KFP 2.x.
   */
  public static KfpRecurringRuns recurringRuns(
      KfpTransport transport, KfpFeatures features, VersionFormats formats) {
    return new V1RecurringRuns(transport, features, formats);
  }

  /**
   * A client whose calls all go through this transport (closed with the client), shaped to what the
   * server's release can do.
   */
  public static KfpClient client(KfpTransport transport, KfpFeatures features) {
    V1PipelineVersions versions = new V1PipelineVersions(transport);
    return new KfpClient(
        KfpApiVersion.V1BETA1,
        features,
        new V1Pipelines(transport, versions),
        versions,
        new V1RecurringRuns(transport, features, new VersionFormats(transport, features)),
        new V1Experiments(transport),
        new HealthCheck(transport, KfpApiVersion.V1BETA1),
        transport,
        namespace -> transport.actingIn(namespace).map(scoped -> client(scoped, features)));
  }
}
