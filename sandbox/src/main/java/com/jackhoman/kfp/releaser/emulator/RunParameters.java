package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.jackhoman.kfp.releaser.kfp.packages.PipelineInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of a request's parameters a release really hands to the runs, and how it checks them. Read
 * at 2.0.5, 2.5.0, 2.14.0 and 2.17.0 from {@code server/api_converter.go} {@code toModelJob} (the
 * v2beta1 branch sets {@code specParams = ""}), {@code template/argo_template.go} {@code
 * ScheduledWorkflow} (an Argo package reads only the v1 {@code PipelineSpec.Parameters}, "ignoring
 * runtime config") and {@code template/v2_template.go} {@code ScheduledWorkflow} (an IR package
 * reads only {@code RuntimeConfig.Parameters}).
 */
final class RunParameters {

  private RunParameters() {}

  /**
   * The parameters the release reads from the request for this package: for an Argo package the v1
   * list (the v2beta1 runtime_config is dropped without a word); for an IR package the
   * runtime_config (the v1 list is dropped). On 1.8.5 ({@code template/v2_template.go} {@code
   * ScheduledWorkflow(apiJob)}) an IR job compiles with the runtime_config and also copies the v1
   * list into the ScheduledWorkflow's Argo parameters, which no IR input reads: the conservative
   * reading is runtime_config only.
   */
  static Map<String, JsonElement> read(
      RequestedParameters requested, StoredPackage pipelinePackage) {
    if (pipelinePackage.argo()) {
      return requested.v1Request() ? requested.listedAsJson() : Map.of();
    }
    return requested.runtime();
  }

  /** The read parameters with the package's defaults filled in for the inputs not given. */
  static Map<String, JsonElement> effective(
      RequestedParameters requested, StoredPackage pipelinePackage) {
    Map<String, JsonElement> effective = new LinkedHashMap<>();
    for (PipelineInput input : pipelinePackage.inputs()) {
      if (input.defaultValue() != null) {
        effective.put(
            input.name(),
            pipelinePackage.argo()
                ? new JsonPrimitive(input.defaultValue().asText())
                : JsonParser.parseString(input.defaultValue().toString()));
      }
    }
    read(requested, pipelinePackage)
        .forEach((name, value) -> effective.put(name, value.deepCopy()));
    return effective;
  }

  /**
   * Checks the parameters as the release does at create. A v2beta1 request for an Argo package is
   * not checked at all (its runtime_config is never read). A v1beta1 job for an IR package on 2.x
   * fails in {@code template/v2_template.go} {@code validatePipelineJobInputs} with the wrapped
   * "not optional" text; 1.8.5 has no such check. Everything else keeps the emulator's {@link
   * ParameterCheck}.
   *
   * @param latestVersion whether the job named only a pipeline, so 2.5.0+ validates it on the
   *     latest version ({@code resource/resource_manager.go} {@code CreateJob})
   */
  static void check(
      ReleaseProfile release,
      RequestedParameters requested,
      StoredPackage pipelinePackage,
      boolean latestVersion) {
    if (pipelinePackage.argo() && !requested.v1Request()) {
      return;
    }
    if (!pipelinePackage.argo() && requested.v1Request()) {
      if (!release.validatesIrJobInputs()) {
        return;
      }
      requireEveryInput(release, requested.runtime(), pipelinePackage, latestVersion);
    }
    ParameterCheck.check(pipelinePackage.inputs(), read(requested, pipelinePackage));
  }

  private static void requireEveryInput(
      ReleaseProfile release,
      Map<String, JsonElement> given,
      StoredPackage pipelinePackage,
      boolean latestVersion) {
    for (PipelineInput input : pipelinePackage.inputs()) {
      if (input.required() && !given.containsKey(input.name())) {
        throw KfpError.invalidArgument(
            "Failed to create a recurring run: "
                + notOptionalContext(release, latestVersion)
                + "Invalid input error: parameter "
                + input.name()
                + " is not optional, yet has neither default value nor user provided value");
      }
    }
  }

  /**
   * The wrap chain in front of the message: {@code resource_manager.go} {@code CreateJob} wraps
   * with "during scheduled workflow creation" for a pinned version (and always at 2.0.5), or
   * "validate the input parameters on the latest pipeline version" (2.5.0+), where 2.17.0's {@code
   * ValidateJobInputs} no longer adds "invalid pipeline job inputs: ".
   */
  private static String notOptionalContext(ReleaseProfile release, boolean latestVersion) {
    if (!latestVersion || release == ReleaseProfile.KFP_2_0_5) {
      return "Failed to create a recurring run during scheduled workflow creation: "
          + "invalid pipeline job inputs: ";
    }
    return "Failed to validate the input parameters on the latest pipeline version: "
        + (release.atLeast(ReleaseProfile.KFP_2_17_0) ? "" : "invalid pipeline job inputs: ");
  }
}
