package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client contract for the v2beta1 adapter with an IR package and typed parameters, on every 2.x
 * release, the Kubernetes pipeline store included.
 */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("releases")
class V2beta1ClientContractTest extends KfpClientContract {

  static Stream<ReleaseProfile> releases() {
    return Stream.of(ReleaseProfile.values())
        .filter(release -> release != ReleaseProfile.KFP_1_8_5);
  }

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V2BETA1;
  }

  @Override
  protected String packageFile() {
    return "lightweight_python_functions_with_outputs.yaml";
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of(
        "first_message", "a", "first_number", 1L, "second_message", "b", "second_number", 2L);
  }
}
