package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client contract for the v2beta1 adapter with a KFP v1 (Argo) package, whose parameters KFP
 * 2.x drops from a v2beta1 recurring run, on every 2.x release with its pipelines in the database
 * (the Kubernetes store keeps no Argo package).
 */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("releases")
class V2beta1ArgoClientContractTest extends KfpClientContract {

  static Stream<ReleaseProfile> releases() {
    return Stream.of(
        ReleaseProfile.KFP_2_0_5,
        ReleaseProfile.KFP_2_5_0,
        ReleaseProfile.KFP_2_14_0,
        ReleaseProfile.KFP_2_17_0);
  }

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V2BETA1;
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
