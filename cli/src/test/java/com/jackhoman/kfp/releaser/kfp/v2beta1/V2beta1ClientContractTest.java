package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.ContractPackage;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The client contract for the v2beta1 adapter with a PipelineSpec and typed parameters. */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("com.jackhoman.kfp.releaser.kfp.KfpClientContract#v2Releases")
class V2beta1ClientContractTest extends KfpClientContract {

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V2BETA1;
  }

  @Override
  protected ContractPackage contractPackage() {
    return ContractPackage.PIPELINE_SPEC;
  }
}
