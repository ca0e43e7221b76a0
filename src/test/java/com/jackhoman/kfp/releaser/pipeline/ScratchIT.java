package com.jackhoman.kfp.releaser.pipeline;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.junit.LocallyRunOperatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScratchIT {
  private static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(KfpEmulator.builder().start());
  @RegisterExtension static final LocallyRunOperatorExtension EXTENSION = OPERATOR.extension();

  @Test
  void scratch() throws Exception {
    Pipeline p = new Pipeline();
    p.setMetadata(new ObjectMetaBuilder().withName("x").withNamespace(EXTENSION.getNamespace()).build());
    p.setSpec(new PipelineSpec());
    EXTENSION.create(p);
    Thread.sleep(3000);
    System.out.println("SCRATCH " + Serialization.asJson(EXTENSION.get(Pipeline.class, "x")));
    System.out.println("SCRATCH raw " + EXTENSION.getKubernetesClient().genericKubernetesResources("kfp.jackhoman.com/v1alpha1","Pipeline").inNamespace(EXTENSION.getNamespace()).withName("x").get());
    System.out.println("SCRATCH log " + OPERATOR.kfp().log().entries());
  }
}
