package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import java.util.Map;

/** The client contract for the v1beta1 adapter: an Argo package with string parameters. */
class V1beta1ClientContractTest extends KfpClientContract {

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V1BETA1;
  }

  @Override
  protected String packageFile() {
    return "pipelineparams.yaml";
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("tag", "v1.2", "sleep_ms", 20L);
  }

  @Override
  protected Map<String, Object> expectedParameters() {
    return Map.of("tag", "v1.2", "sleep_ms", "20");
  }
}
