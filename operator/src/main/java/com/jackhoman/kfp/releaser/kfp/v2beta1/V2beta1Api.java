package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.VersionFormats;
import java.util.function.BiFunction;

/** Builds the v2beta1 adapter: a {@link KfpClient} speaking {@code /apis/v2beta1}. */
public final class V2beta1Api {

  private V2beta1Api() {}

  /**
   * A client whose calls all go through this transport (closed with the client), shaped to what the
   * server's release can do.
   *
   * @param argoJobs the v1beta1 recurring runs over a transport, which alone pass a KFP v1 (Argo)
   *     package's parameters on KFP 2.x, asking package formats of the given lookup
   */
  public static KfpClient client(
      KfpTransport transport,
      KfpFeatures features,
      BiFunction<KfpTransport, VersionFormats, KfpRecurringRuns> argoJobs) {
    VersionFormats formats = new VersionFormats(transport, features);
    return new KfpClient(
        KfpApiVersion.V2BETA1,
        features,
        new V2Pipelines(transport, features),
        new V2PipelineVersions(transport, features),
        new V2RecurringRuns(transport, features, formats, argoJobs.apply(transport, formats)),
        new V2Experiments(transport),
        new HealthCheck(transport, KfpApiVersion.V2BETA1),
        transport,
        namespace ->
            transport.actingIn(namespace).map(scoped -> client(scoped, features, argoJobs)));
  }
}
