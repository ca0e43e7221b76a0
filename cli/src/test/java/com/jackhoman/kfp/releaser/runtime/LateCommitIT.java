package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.ExperimentSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.pipelineversionspec.Workflow;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Parameters;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Schedule;
import com.jackhoman.kfp.releaser.emulator.EnabledTransition;
import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.emulator.LateCommit;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every KFP write the operator makes, answered after the client's timeout and taking effect before
 * that answer, after it, or never: in each case KFP ends with exactly one object per object of ours
 * (none once it is deleted), and no two KFP recurring runs of one RecurringRun are ever enabled at
 * the same time.
 */
class LateCommitIT {

  private static final Duration KFP_TIMEOUT = Duration.ofSeconds(1);

  /**
   * Three times the client's timeout: past the window in which the operator waits for a create that
   * got no answer (as long again as the call waited), so that a retry's look finds nothing and only
   * the write protocol keeps KFP right.
   */
  private static final Duration DELAY = Duration.ofSeconds(3);

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR =
      OperatorUnderTest.withKfpTimeout(KfpEmulator.builder().start(), KFP_TIMEOUT);

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  private static final AtomicInteger CASES = new AtomicInteger();

  /** A KFP write of the operator's, by the request that makes it. */
  enum Write {
    CREATE_PIPELINE("POST", "/apis/v2beta1/pipelines(/upload)?", false),
    CREATE_VERSION("POST", "/apis/v2beta1/pipelines/upload_version", false),
    CREATE_EXPERIMENT("POST", "/apis/v2beta1/experiments", false),
    CREATE_RECURRING_RUN("POST", "/apis/v2beta1/recurringruns", false),
    ENABLE_RECURRING_RUN("POST", "/apis/v2beta1/recurringruns/[^/]+:enable", false),
    DISABLE_RECURRING_RUN("POST", "/apis/v2beta1/recurringruns/[^/]+:disable", false),
    DELETE_RECURRING_RUN("DELETE", "/apis/v2beta1/recurringruns/[^/]+", true),
    DELETE_EXPERIMENT("DELETE", "/apis/v2beta1/experiments/[^/]+", true),
    DELETE_VERSION("DELETE", "/apis/v2beta1/pipelines/[^/]+/versions/[^/]+", true),
    DELETE_PIPELINE("DELETE", "/apis/v2beta1/pipelines/[^/]+", true);

    final String method;
    final String path;
    final boolean deletes;

    Write(String method, String path, boolean deletes) {
      this.method = method;
      this.path = path;
      this.deletes = deletes;
    }
  }

  static Stream<Arguments> everyWriteAnsweredLate() {
    List<Arguments> cases = new ArrayList<>();
    for (Write write : Write.values()) {
      for (LateCommit commit : LateCommit.values()) {
        cases.add(Arguments.of(write, commit));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} committing {1}")
  @MethodSource("everyWriteAnsweredLate")
  void kfpEndsWithExactlyOneObjectPerObjectAndNeverTwoEnabled(Write write, LateCommit commit) {
    String id = "c" + CASES.incrementAndGet();
    boolean before = write.deletes || write == Write.DISABLE_RECURRING_RUN;
    if (before) {
      apply(id);
      awaitAllReady(id);
    }
    int historyBefore = OPERATOR.kfp().enabledHistory().size();
    OPERATOR.kfp().faults().add(FaultRule.lateAnswerOnce(write.method, write.path, DELAY, commit));
    List<HasMetadata> objects;
    if (write.deletes) {
      objects = apply(id);
      objects.forEach(EXTENSION::delete);
      await()
          .atMost(Duration.ofSeconds(40))
          .until(
              () -> objects.stream().allMatch(o -> EXTENSION.get(o.getClass(), name(o)) == null));
    } else if (write == Write.DISABLE_RECURRING_RUN) {
      objects = apply(id);
      RecurringRun run = EXTENSION.get(RecurringRun.class, id + "-run");
      run.getSpec().setSuspend(true);
      EXTENSION.replace(run);
      awaitReady(RecurringRun.class, id + "-run", "Suspended");
    } else {
      objects = apply(id);
      awaitAllReady(id);
    }
    settle();

    Set<String> uids = new HashSet<>();
    objects.forEach(o -> uids.add(o.getMetadata().getUid()));
    List<KfpObjectRow> marked =
        OPERATOR.kfp().inventory().stream()
            .filter(row -> mark(row).filter(m -> uids.contains(m.uid())).isPresent())
            .toList();
    if (write.deletes) {
      assertThat(marked).as("KFP objects left by deleted objects").isEmpty();
    } else {
      assertThat(marked.stream().map(KfpObjectRow::kind))
          .as("KFP objects of " + id)
          .containsExactlyInAnyOrder("Pipeline", "PipelineVersion", "Experiment", "RecurringRun");
    }
    assertThat(mostEnabledAtOnce(OPERATOR.kfp().enabledHistory(), historyBefore, uids))
        .as("KFP recurring runs of one RecurringRun enabled at the same time")
        .isLessThanOrEqualTo(1);
  }

  /** Long enough for a late write to land, and for the operator to see it and set things right. */
  private static void settle() {
    try {
      Thread.sleep(DELAY.plus(OperatorUnderTest.DRIFT_PERIOD.multipliedBy(3)).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int mostEnabledAtOnce(
      List<EnabledTransition> history, int from, Set<String> uids) {
    Set<String> enabled = new HashSet<>();
    int most = 0;
    for (EnabledTransition transition : history.subList(from, history.size())) {
      if (OwnerMark.fromDescription(transition.description())
          .filter(m -> uids.contains(m.uid()))
          .isEmpty()) {
        continue;
      }
      if (transition.enabled()) {
        enabled.add(transition.id());
      } else {
        enabled.remove(transition.id());
      }
      most = Math.max(most, enabled.size());
    }
    return most;
  }

  private static Optional<OwnerMark> mark(KfpObjectRow row) {
    return OwnerMark.fromTags(row.tags()).or(() -> OwnerMark.fromDescription(row.description()));
  }

  /** Applies (or reads back) a Pipeline, its PipelineVersion, an Experiment and a RecurringRun. */
  private static List<HasMetadata> apply(String id) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(existingOr(Pipeline.class, id + "-pipeline", () -> pipeline(id)));
    objects.add(existingOr(PipelineVersion.class, id + "-v1", () -> version(id)));
    objects.add(existingOr(Experiment.class, id + "-experiment", () -> experiment(id)));
    objects.add(existingOr(RecurringRun.class, id + "-run", () -> run(id)));
    return objects;
  }

  private static <T extends HasMetadata> T existingOr(
      Class<T> kind, String name, Supplier<T> make) {
    T existing = EXTENSION.get(kind, name);
    return existing != null ? existing : EXTENSION.create(make.get());
  }

  private static void awaitAllReady(String id) {
    awaitReady(Pipeline.class, id + "-pipeline", "Synced");
    awaitReady(PipelineVersion.class, id + "-v1", "Synced");
    awaitReady(Experiment.class, id + "-experiment", "Synced");
    awaitReady(RecurringRun.class, id + "-run", "Synced");
  }

  private static <T extends HasMetadata> void awaitReady(
      Class<T> kind, String name, String reason) {
    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () ->
                ReadyCondition.of(EXTENSION.get(kind, name))
                    .filter(c -> "True".equals(c.getStatus()) && reason.equals(c.getReason()))
                    .isPresent());
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  private static ObjectMetaBuilder meta(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace(EXTENSION.getNamespace());
  }

  private static Pipeline pipeline(String id) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(meta(id + "-pipeline").build());
    pipeline.setSpec(new PipelineSpec());
    return pipeline;
  }

  private static PipelineVersion version(String id) {
    PipelineVersion version = new PipelineVersion();
    version.setMetadata(meta(id + "-v1").build());
    PipelineVersionSpec spec = new PipelineVersionSpec();
    spec.setPipeline(id + "-pipeline");
    Workflow workflow = new Workflow();
    workflow.setAdditionalProperties(Serialization.unmarshal(PACKAGE, Map.class));
    spec.setWorkflow(workflow);
    version.setSpec(spec);
    return version;
  }

  private static Experiment experiment(String id) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(meta(id + "-experiment").build());
    experiment.setSpec(new ExperimentSpec());
    return experiment;
  }

  private static RecurringRun run(String id) {
    RecurringRun run = new RecurringRun();
    run.setMetadata(meta(id + "-run").build());
    RecurringRunSpec spec = new RecurringRunSpec();
    spec.setVersionRef(id + "-v1");
    spec.setExperimentRef(id + "-experiment");
    Schedule schedule = new Schedule();
    schedule.setCron("30 2 * * *");
    spec.setSchedule(schedule);
    Parameters message = new Parameters();
    message.setName("message");
    message.setValue(new AnyType("hello"));
    spec.setParameters(List.of(message));
    run.setSpec(spec);
    return run;
  }

  private static final String PACKAGE = read("/recurringrun/echo-with-inputs.yaml");

  private static String read(String resource) {
    try (InputStream in = LateCommitIT.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
