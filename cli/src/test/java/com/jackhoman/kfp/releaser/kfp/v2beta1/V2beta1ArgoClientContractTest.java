package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.ContractPackage;
import com.jackhoman.kfp.releaser.kfp.KfpApiVersion;
import com.jackhoman.kfp.releaser.kfp.KfpClientContract;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client contract for the v2beta1 adapter with an Argo package, whose parameters KFP 2.x drops
 * from a v2beta1 recurring run.
 */
@ParameterizedClass(name = "KFP {0}")
@MethodSource("com.jackhoman.kfp.releaser.kfp.KfpClientContract#databaseReleasesOf2x")
class V2beta1ArgoClientContractTest extends KfpClientContract {

  @Override
  protected KfpApiVersion api() {
    return KfpApiVersion.V2BETA1;
  }

  @Override
  protected ContractPackage contractPackage() {
    return ContractPackage.ARGO_WORKFLOW;
  }
}
