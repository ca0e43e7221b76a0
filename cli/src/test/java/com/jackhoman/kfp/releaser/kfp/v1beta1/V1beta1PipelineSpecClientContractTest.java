package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client contract for the v1beta1 adapter with a KFP v2 (PipelineSpec) package, whose typed
 * parameters KFP 2.x reads from the job's runtime config only, on every 2.x release with its
 * pipelines in the database.
 */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("releases")
class V1beta1PipelineSpecClientContractTest extends KfpClientContract {

  static Stream<ReleaseProfile> releases() {
    return Stream.of(
        ReleaseProfile.KFP_2_0_5,
        ReleaseProfile.KFP_2_5_0,
        ReleaseProfile.KFP_2_14_0,
        ReleaseProfile.KFP_2_17_0);
  }

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V1BETA1;
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
