package com.jackhoman.kfp.releaser.recurringrun;

import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Parameters;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Schedule;
import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** RecurringRuns as a test applies, edits, awaits and finds them in KFP. */
final class RecurringRunsUnderTest {

  private final OperatorUnderTest operator;
  private final ShippedOperatorExtension extension;

  RecurringRunsUnderTest(OperatorUnderTest operator, ShippedOperatorExtension extension) {
    this.operator = operator;
    this.extension = extension;
  }

  /** Applies a RecurringRun of {@code version} at 02:30 daily with {@code message: hello}. */
  RecurringRun apply(String name, String version, Consumer<RecurringRunSpec> edit) {
    RecurringRun run = new RecurringRun();
    run.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(extension.getNamespace()).build());
    RecurringRunSpec spec = new RecurringRunSpec();
    spec.setVersionRef(version);
    Schedule schedule = new Schedule();
    schedule.setCron("30 2 * * *");
    spec.setSchedule(schedule);
    spec.setParameters(parameters(Map.of("message", "hello")));
    edit.accept(spec);
    run.setSpec(spec);
    return extension.create(run);
  }

  /** Changes the spec of the RecurringRun {@code name}. */
  RecurringRun edit(String name, Consumer<RecurringRunSpec> edit) {
    RecurringRun run = get(name);
    edit.accept(run.getSpec());
    return extension.replace(run);
  }

  RecurringRun get(String name) {
    return extension.get(RecurringRun.class, name);
  }

  /** Waits until the Ready condition of {@code name} has {@code status} and {@code reason}. */
  Condition awaitReady(String name, String status, String reason) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Optional.ofNullable(get(name))
                    .map(RecurringRun::getStatus)
                    .flatMap(s -> Conditions.find(s.getConditions(), ConditionType.Ready))
                    .filter(c -> status.equals(c.getStatus()) && reason.equals(c.getReason())),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Waits until {@code name} is Ready and Synced, and returns it. */
  RecurringRun awaitSynced(String name) {
    awaitReady(name, "True", "Synced");
    return get(name);
  }

  /** Every KFP recurring run named after the RecurringRun {@code name}. */
  List<KfpRecurringRun> inKfp(String name) {
    return operator
        .kfpClient()
        .recurringRuns()
        .findByName("", extension.getNamespace() + "/" + name);
  }

  /** The KFP write requests logged since the log was last cleared, as "METHOD path". */
  List<String> kfpWrites() {
    return operator.kfp().log().entries().stream()
        .filter(LoggedRequest::isWrite)
        .map(r -> r.method() + " " + r.path())
        .toList();
  }

  static List<Parameters> parameters(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(
            e -> {
              Parameters parameter = new Parameters();
              parameter.setName(e.getKey());
              parameter.setValue(new AnyType(e.getValue()));
              return parameter;
            })
        .toList();
  }
}
