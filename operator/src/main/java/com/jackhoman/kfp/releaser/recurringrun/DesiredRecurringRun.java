package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Parameters;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Schedule;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.ParameterBinding;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import com.jackhoman.kfp.releaser.kfp.schedule.CronSchedule;
import com.jackhoman.kfp.releaser.kfp.schedule.InvalidCronException;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KFP recurring run a RecurringRun asks for: its schedule in KFP's form and its parameters
 * checked against, and typed by, the inputs its PipelineVersion declares, as KFP checks them.
 */
final class DesiredRecurringRun {

  private final RecurringRun run;
  private final PipelineVersion version;
  private final KfpTrigger trigger;
  private final Map<String, Object> parameters;

  private DesiredRecurringRun(
      RecurringRun run,
      PipelineVersion version,
      KfpTrigger trigger,
      Map<String, Object> parameters) {
    this.run = run;
    this.version = version;
    this.trigger = trigger;
    this.parameters = parameters;
  }

  /**
   * Checks {@code run} against {@code version}, the PipelineVersion it names.
   *
   * @throws InvalidRunSpec naming every unknown parameter, missing required input, value of the
   *     wrong type or unreadable cron expression
   */
  static DesiredRecurringRun of(RecurringRun run, PipelineVersion version) throws InvalidRunSpec {
    List<String> problems = new ArrayList<>();
    KfpTrigger trigger = trigger(run.getSpec().getSchedule(), problems);
    Map<String, Object> parameters = parameters(run.getSpec(), version, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRunSpec(problems);
    }
    return new DesiredRecurringRun(run, version, trigger, parameters);
  }

  /** The KFP recurring run, filed under {@code experimentId}, its description stamped. */
  KfpRecurringRun inExperiment(String experimentId) {
    RecurringRunSpec spec = run.getSpec();
    String name = OwnerMarks.kfpName(run);
    String description = spec.getDescription() == null ? "" : spec.getDescription();
    String pipelineId = version.getStatus().getPipelineId();
    String versionId = version.getStatus().getId();
    int maxConcurrency = spec.getMaxConcurrency() == null ? 1 : spec.getMaxConcurrency().intValue();
    boolean noCatchup = spec.getNoCatchup() == null || spec.getNoCatchup();
    String serviceAccount = spec.getServiceAccount() == null ? "" : spec.getServiceAccount();
    String digest =
        SpecDigest.of(
            name,
            description,
            experimentId,
            pipelineId,
            versionId,
            trigger,
            parameters,
            maxConcurrency,
            noCatchup,
            serviceAccount);
    return new KfpRecurringRun(
        null,
        name,
        SpecDigest.stamp(description, digest),
        Optional.of(OwnerMarks.of(run)),
        experimentId,
        pipelineId,
        versionId,
        trigger,
        parameters,
        maxConcurrency,
        noCatchup,
        !Boolean.TRUE.equals(spec.getSuspend()),
        serviceAccount,
        null);
  }

  private static KfpTrigger trigger(Schedule schedule, List<String> problems) {
    Optional<Instant> start =
        Optional.ofNullable(schedule.getStartTime()).map(ZonedDateTime::toInstant);
    Optional<Instant> end =
        Optional.ofNullable(schedule.getEndTime()).map(ZonedDateTime::toInstant);
    if (schedule.getCron() == null) {
      return new KfpTrigger.Periodic(Duration.ofSeconds(schedule.getIntervalSeconds()), start, end);
    }
    try {
      return new KfpTrigger.Cron(
          CronSchedule.parse(schedule.getCron()).kfpExpression(), start, end);
    } catch (InvalidCronException invalid) {
      problems.add("spec.schedule.cron \"" + schedule.getCron() + "\": " + invalid.getMessage());
      return null;
    }
  }

  private static Map<String, Object> parameters(
      RecurringRunSpec spec, PipelineVersion version, List<String> problems) {
    String versionName = version.getMetadata().getName();
    PipelinePackage pkg;
    try {
      pkg = VersionPackages.of(version);
    } catch (InvalidPackageException invalid) {
      problems.add(
          "PipelineVersion \""
              + versionName
              + "\" has an invalid package: "
              + invalid.getMessage());
      return Map.of();
    }
    List<ParameterBinding.Given> given = new ArrayList<>();
    for (Parameters parameter :
        spec.getParameters() == null ? List.<Parameters>of() : spec.getParameters()) {
      given.add(
          new ParameterBinding.Given(
              parameter.getName(),
              Serialization.jsonMapper()
                  .valueToTree(
                      parameter.getValue() == null ? null : parameter.getValue().getValue())));
    }
    ParameterBinding binding = ParameterBinding.bind(pkg, versionName, given);
    binding
        .mistakes()
        .forEach(
            mistake -> problems.add(ParameterBinding.field(mistake) + ": " + mistake.message()));
    Map<String, Object> typed = new LinkedHashMap<>();
    binding
        .values()
        .forEach(
            (name, value) ->
                typed.put(name, Serialization.jsonMapper().convertValue(value, Object.class)));
    return typed;
  }
}
