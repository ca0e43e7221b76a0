package com.jackhoman.kfp.releaser.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionStatus;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusFieldsTest {

  @ParameterizedTest
  @ValueSource(
      classes = {
        PipelineStatus.class,
        PipelineVersionStatus.class,
        ExperimentStatus.class,
        RecurringRunStatus.class
      })
  void everyKindsGeneratedStatusHasTheSharedFields(Class<?> type) throws Exception {
    roundTrip(StatusFields.of(type));
  }

  @Test
  void aClassWithoutThemIsRefusedAtOnce() {
    assertThatThrownBy(() -> StatusFields.of(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String lacks the conditions");
  }

  private static <S> void roundTrip(StatusFields<S> fields) throws Exception {
    S status = fields.type().getDeclaredConstructor().newInstance();
    List<Condition> conditions =
        List.of(new ConditionBuilder().withType("Ready").withStatus("True").build());
    fields.setConditions(status, conditions);
    fields.setObservedGeneration(status, 7L);

    assertThat(fields.conditions(status)).isEqualTo(conditions);
    assertThat(status).hasFieldOrPropertyWithValue("observedGeneration", 7L);
  }
}
