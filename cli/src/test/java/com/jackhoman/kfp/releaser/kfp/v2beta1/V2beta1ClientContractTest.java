package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import java.util.Map;

/** The client contract for the v2beta1 adapter: an IR package with typed parameters. */
class V2beta1ClientContractTest extends KfpClientContract {

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
