package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.http.HealthCheck;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;

/** Builds the v2beta1 adapter: a {@link KfpClient} speaking {@code /apis/v2beta1}. */
public final class V2beta1Api {

  private V2beta1Api() {}

  /**
   * A client whose calls all go through this transport (closed with the client); pipelines and
   * versions carry their owner mark in {@code pipelineMarks} (tags need KFP 2.17).
   */
  public static KfpClient client(KfpTransport transport, MarkPlace pipelineMarks) {
    return new KfpClient(
        KfpApiVersion.V2BETA1,
        new V2Pipelines(transport, pipelineMarks),
        new V2PipelineVersions(transport, pipelineMarks),
        new V2RecurringRuns(transport),
        new V2Experiments(transport),
        new HealthCheck(transport, KfpApiVersion.V2BETA1),
        transport,
        namespace -> transport.actingIn(namespace).map(scoped -> client(scoped, pipelineMarks)));
  }
}
