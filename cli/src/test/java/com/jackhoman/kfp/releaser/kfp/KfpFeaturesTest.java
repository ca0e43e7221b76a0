package com.jackhoman.kfp.releaser.kfp;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.kfp.packages.PackageFormat;
import org.junit.jupiter.api.Test;

/** What each KFP release can do, read from the tag its healthz reports. */
class KfpFeaturesTest {

  @Test
  void pipelineTagsArriveIn217() {
    assertThat(KfpFeatures.of("2.17.0", "").pipelineTags()).isTrue();
    assertThat(KfpFeatures.of("v2.18.1", "").pipelineTags()).isTrue();
    assertThat(KfpFeatures.of("3.0.0", "").pipelineTags()).isTrue();
    assertThat(KfpFeatures.of("2.16.2", "").pipelineTags()).isFalse();
    assertThat(KfpFeatures.of("2.5.0", "").pipelineTags()).isFalse();
  }

  @Test
  void pipelineNamesAndCascadingDeletesArriveIn214() {
    assertThat(KfpFeatures.of("2.14.0", "").pipelinesHaveNames()).isTrue();
    assertThat(KfpFeatures.of("2.14.0", "").cascadesPipelineDeletes()).isTrue();
    assertThat(KfpFeatures.of("2.5.0", "").pipelinesHaveNames()).isFalse();
    assertThat(KfpFeatures.of("2.5.0", "").cascadesPipelineDeletes()).isFalse();
  }

  @Test
  void theRunFilterByRecurringRunWorksFrom21AndJobScopesOnlyOn1x() {
    assertThat(KfpFeatures.of("2.0.5", "").filtersRunsByRecurringRun()).isFalse();
    assertThat(KfpFeatures.of("2.1.0", "").filtersRunsByRecurringRun()).isTrue();
    assertThat(KfpFeatures.of("1.8.5", "").filtersRunsByRecurringRun()).isFalse();
    assertThat(KfpFeatures.of("1.8.5", "").scopesRunsByJob()).isTrue();
    assertThat(KfpFeatures.of("2.0.5", "").scopesRunsByJob()).isFalse();
    assertThat(KfpFeatures.of("1.8.5", "").filtersJobsByDescription()).isFalse();
  }

  @Test
  void anUnreadableTagIsTakenForTheNewestAndSaidSo() {
    KfpFeatures dev = KfpFeatures.of("dev", "");

    assertThat(dev.understood()).isFalse();
    assertThat(dev.pipelineTags()).isTrue();
    assertThat(dev.limitations()).anyMatch(line -> line.contains("\"dev\""));
    assertThat(KfpFeatures.of("2.17.0", "database").limitations()).isEmpty();
  }

  @Test
  void kfp1RefusesPipelineSpecsAndTheKubernetesStoreRefusesArgoWorkflows() {
    assertThat(KfpFeatures.of("1.8.5", "").cannotKeep(PackageFormat.PIPELINE_SPEC))
        .hasValueSatisfying(why -> assertThat(why).contains("KFP 1.8.5", "KFP SDK v1"));
    assertThat(KfpFeatures.of("1.8.5", "").cannotKeep(PackageFormat.ARGO_WORKFLOW)).isEmpty();
    assertThat(KfpFeatures.of("2.17.0", "kubernetes").cannotKeep(PackageFormat.ARGO_WORKFLOW))
        .hasValueSatisfying(why -> assertThat(why).contains("pipeline_store: kubernetes"));
    assertThat(KfpFeatures.of("2.17.0", "kubernetes").cannotKeep(PackageFormat.PIPELINE_SPEC))
        .isEmpty();
    assertThat(KfpFeatures.of("2.17.0", "kubernetes").dnsPipelineNames()).isTrue();
  }
}
