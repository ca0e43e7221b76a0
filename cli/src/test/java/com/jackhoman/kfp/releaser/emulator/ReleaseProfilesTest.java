package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What differs between the KFP releases the emulator can act as, asserted over real HTTP. */
class ReleaseProfilesTest {

  private static final String ONE_HOUR = "{\"periodic_schedule\":{\"interval_second\":\"3600\"}}";
  private static final String IR_PARAMETERS =
      "{\"first_message\":\"a\",\"first_number\":1,\"second_message\":\"b\",\"second_number\":2}";

  private final List<KfpEmulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(KfpEmulator::close);
  }

  private KfpHttp start(ReleaseProfile release) {
    return start(KfpEmulator.builder().release(release));
  }

  private KfpHttp start(KfpEmulator.Builder builder) {
    KfpEmulator emulator = builder.start();
    started.add(emulator);
    return new KfpHttp(emulator);
  }

  private KfpEmulator emulator() {
    return started.get(started.size() - 1);
  }

  private static String uploadV2(KfpHttp http, String name, String packageFile) {
    return PipelineRulesTest.pipelineId(
        http.upload("/apis/v2beta1/pipelines/upload?name=" + name, packageFile));
  }

  private static String uploadV1(KfpHttp http, String name, String packageFile) {
    KfpHttp.Reply reply = http.upload("/apis/v1beta1/pipelines/upload?name=" + name, packageFile);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.body().get("id").getAsString();
  }

  private static String v2RecurringRun(String pipelineId, String parameters) {
    return "{\"display_name\":\"nightly\",\"pipeline_version_reference\":{\"pipeline_id\":\""
        + pipelineId
        + "\"},\"runtime_config\":{\"parameters\":"
        + parameters
        + "},\"trigger\":"
        + ONE_HOUR
        + ",\"mode\":\"ENABLE\",\"max_concurrency\":\"1\"}";
  }

  private static String v1Job(String pipelineId, String pipelineSpecFields) {
    return "{\"name\":\"nightly\",\"enabled\":true,\"max_concurrency\":\"1\",\"trigger\":"
        + ONE_HOUR
        + ",\"pipeline_spec\":{"
        + pipelineSpecFields
        + "},\"resource_references\":[{\"key\":{\"type\":\"PIPELINE\",\"id\":\""
        + pipelineId
        + "\"},\"relationship\":\"CREATOR\"}]}";
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  // Profiles and their ids

  @Test
  void everyIdParsesBackToItsProfileAndTheNewestIsTheDefault() {
    for (ReleaseProfile release : ReleaseProfile.values()) {
      assertThat(ReleaseProfile.parse(release.id())).isSameAs(release);
    }
    assertThat(ReleaseProfile.newest()).isEqualTo(ReleaseProfile.KFP_2_17_0);
    start(KfpEmulator.builder());
    assertThat(emulator().release()).isEqualTo(ReleaseProfile.KFP_2_17_0);
  }

  @Test
  void anUnknownIdIsRefusedNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> ReleaseProfile.parse("2.3.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2.3.0")
        .hasMessageContaining("1.8.5")
        .hasMessageContaining("2.17.0-kubernetes-store");
  }

  // 1. healthz

  @ParameterizedTest
  @EnumSource(ReleaseProfile.class)
  void healthzReportsTheReleaseAsItsCodeWritesIt(ReleaseProfile release) {
    KfpHttp http = start(release);

    JsonObject v1 = http.get("/apis/v1beta1/healthz").body();
    assertThat(v1.keySet()).containsExactlyInAnyOrder("commit_sha", "tag_name", "multi_user");
    assertThat(v1.get("tag_name").getAsString()).isEqualTo(release.tagName());
    KfpHttp.Reply v2 = http.get("/apis/v2beta1/healthz");
    if (release == ReleaseProfile.KFP_1_8_5) {
      assertThat(v2.status()).isEqualTo(404);
    } else if (release.atLeast(ReleaseProfile.KFP_2_14_0)) {
      assertThat(v2.body().get("pipeline_store").getAsString())
          .isEqualTo(
              release == ReleaseProfile.KFP_2_17_0_KUBERNETES_STORE ? "kubernetes" : "database");
    } else {
      assertThat(v2.body().keySet())
          .containsExactlyInAnyOrder("commit_sha", "tag_name", "multi_user");
    }
  }

  @Test
  void release185ServesNoV2beta1PathEvenWhenAskedForBoth() {
    KfpHttp http =
        start(KfpEmulator.builder().release(ReleaseProfile.KFP_1_8_5).apis(ServedApis.BOTH));

    assertThat(http.get("/apis/v2beta1/pipelines").status()).isEqualTo(404);
    assertThat(http.get("/apis/v1beta1/pipelines").status()).isEqualTo(200);
  }

  // 2. Effective parameters

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void v2RecurringRunOfAnArgoPackageRunsWithThePackageDefaultsButEchoesItsRuntimeConfig(
      ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV2(http, "argo", "arguments-parameters.yaml");

    KfpHttp.Reply created =
        http.post(
            "/apis/v2beta1/recurringruns",
            v2RecurringRun(pipelineId, "{\"param1\":\"mine\",\"param2\":\"too\"}"));
    emulator().advanceClock(Duration.ofHours(1));

    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    assertThat(created.body().getAsJsonObject("runtime_config").toString())
        .isEqualTo("{\"parameters\":{\"param1\":\"mine\",\"param2\":\"too\"}}");
    assertThat(emulator().startedRuns())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.recurringRunId())
                  .isEqualTo(created.body().get("recurring_run_id").getAsString());
              assertThat(run.parameters()).isEqualTo(json("{\"param1\":\"hello\"}").asMap());
            });
  }

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void v1JobOfAnIrPackageIgnoresTheParameterListAndFailsOnAMissingInput(ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV2(http, "ir", "lightweight_python_functions_with_outputs.yaml");

    KfpHttp.Reply listed =
        http.post(
            "/apis/v1beta1/jobs",
            v1Job(
                pipelineId,
                "\"parameters\":[{\"name\":\"first_message\",\"value\":\"a\"},"
                    + "{\"name\":\"first_number\",\"value\":\"1\"},"
                    + "{\"name\":\"second_message\",\"value\":\"b\"},"
                    + "{\"name\":\"second_number\",\"value\":\"2\"}]"));

    assertThat(listed.status()).isEqualTo(400);
    assertThat(listed.body().get("message").getAsString())
        .startsWith("Failed to create a recurring run: ")
        .contains("is not optional, yet has neither default value nor user provided value");
  }

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void v1JobOfAnIrPackageRunsWithItsRuntimeConfig(ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV2(http, "ir", "lightweight_python_functions_with_outputs.yaml");

    KfpHttp.Reply created =
        http.post(
            "/apis/v1beta1/jobs",
            v1Job(pipelineId, "\"runtime_config\":{\"parameters\":" + IR_PARAMETERS + "}"));
    emulator().advanceClock(Duration.ofHours(1));

    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    assertThat(emulator().startedRuns())
        .singleElement()
        .satisfies(run -> assertThat(run.parameters()).isEqualTo(json(IR_PARAMETERS).asMap()));
  }

  @Test
  void release185JobOfAnArgoPackageRunsWithItsParameterListOverTheDefaults() {
    KfpHttp http = start(ReleaseProfile.KFP_1_8_5);
    String pipelineId = uploadV1(http, "argo", "arguments-parameters.yaml");

    KfpHttp.Reply created =
        http.post(
            "/apis/v1beta1/jobs",
            v1Job(pipelineId, "\"parameters\":[{\"name\":\"param2\",\"value\":\"given\"}]"));
    emulator().advanceClock(Duration.ofHours(1));

    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    assertThat(emulator().startedRuns())
        .singleElement()
        .satisfies(
            run ->
                assertThat(run.parameters())
                    .isEqualTo(json("{\"param1\":\"hello\",\"param2\":\"given\"}").asMap()));
  }
}
