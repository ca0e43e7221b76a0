package com.jackhoman.kfp.releaser.kfp.v1beta1;

import com.jackhoman.kfp.releaser.kfp.ContractPackage;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client contract for the v1beta1 adapter with a PipelineSpec, whose typed parameters KFP 2.x
 * reads from the job's runtime config only.
 */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("com.jackhoman.kfp.releaser.kfp.KfpClientContract#databaseReleasesOf2x")
class V1beta1PipelineSpecClientContractTest extends KfpClientContract {

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V1BETA1;
  }

  @Override
  protected ContractPackage contractPackage() {
    return ContractPackage.PIPELINE_SPEC;
  }
}
