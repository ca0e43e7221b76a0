package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client contract for the v1beta1 adapter with an Argo package and string parameters, on every
 * release that serves v1beta1 (the Kubernetes pipeline store answers it with 500).
 */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("releases")
class V1beta1ClientContractTest extends KfpClientContract {

  static Stream<ReleaseProfile> releases() {
    return Stream.of(ReleaseProfile.values())
        .filter(release -> release != ReleaseProfile.KFP_2_17_0_KUBERNETES_STORE);
  }

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
