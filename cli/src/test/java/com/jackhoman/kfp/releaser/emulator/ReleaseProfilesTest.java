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
    assertThat(created.body().getAsJsonObject("runtime_config"))
        .isEqualTo(json("{\"parameters\":{\"param1\":\"mine\",\"param2\":\"too\"}}"));
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

  // 3. v1beta1 experiments

  @ParameterizedTest
  @EnumSource(ReleaseProfile.class)
  void v1ExperimentCarriesTheNamespaceOwnerWithoutIdOnEvery2x(ReleaseProfile release) {
    KfpHttp http = start(release);

    KfpHttp.Reply created = http.post("/apis/v1beta1/experiments", "{\"name\":\"e\"}");

    if (release == ReleaseProfile.KFP_1_8_5) {
      assertThat(created.body().has("resource_references")).isFalse();
    } else {
      assertThat(created.body().get("resource_references"))
          .isEqualTo(
              JsonParser.parseString(
                  "[{\"key\":{\"type\":\"NAMESPACE\"},\"relationship\":\"OWNER\"}]"));
    }
  }

  @Test
  void release185ShowsTheNamespaceOwnerInMultiUserMode() {
    KfpHttp http = start(KfpEmulator.builder().release(ReleaseProfile.KFP_1_8_5).multiUser(true));

    KfpHttp.Reply created =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    emulator().url().resolve("/apis/v1beta1/experiments"))
                .header("kubeflow-userid", "alice@example.com")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"e\",\"resource_references\":[{\"key\":{\"type\":\"NAMESPACE\","
                            + "\"id\":\"alice\"},\"relationship\":\"OWNER\"}]}")));

    assertThat(created.body().get("resource_references").toString())
        .isEqualTo(
            "[{\"key\":{\"type\":\"NAMESPACE\",\"id\":\"alice\"},\"relationship\":\"OWNER\"}]");
  }

  // 4. Unknown body fields

  @ParameterizedTest
  @EnumSource(ReleaseProfile.class)
  void unknownBodyFieldsAreRefusedFrom214AndDroppedBefore(ReleaseProfile release) {
    KfpHttp http = start(release);

    KfpHttp.Reply created =
        http.post("/apis/v1beta1/experiments", "{\"name\":\"e\",\"colour\":\"blue\"}");

    if (release.atLeast(ReleaseProfile.KFP_2_14_0)) {
      assertThat(created.status()).isEqualTo(400);
      assertThat(created.body().get("message").getAsString()).contains("unknown field \"colour\"");
    } else {
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.body().get("name").getAsString()).isEqualTo("e");
    }
  }

  // 5. v2 pipelines before 2.14 have no name

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void v2PipelineHasANameFrom214AndDisplayNameIsTheUniqueNameBefore(ReleaseProfile release) {
    KfpHttp http = start(release);

    KfpHttp.Reply created =
        http.post("/apis/v2beta1/pipelines", "{\"name\":\"n\",\"display_name\":\"shown\"}");
    KfpHttp.Reply again =
        http.post("/apis/v2beta1/pipelines", "{\"name\":\"other\",\"display_name\":\"shown\"}");
    KfpHttp.Reply uploaded =
        http.upload("/apis/v2beta1/pipelines/upload?name=up&display_name=Up", "hello_world.yaml");

    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    assertThat(uploaded.body().get("display_name").getAsString())
        .isEqualTo(release.atLeast(ReleaseProfile.KFP_2_14_0) ? "Up" : "up");
    if (release.atLeast(ReleaseProfile.KFP_2_14_0)) {
      assertThat(created.body().get("name").getAsString()).isEqualTo("n");
      assertThat(again.status()).isEqualTo(200);
    } else {
      assertThat(created.body().has("name")).isFalse();
      assertThat(uploaded.body().has("name")).isFalse();
      assertThat(again.status()).isEqualTo(409);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ReleaseProfile.class,
      names = {"KFP_1_8_5", "KFP_2_17_0_KUBERNETES_STORE"},
      mode = EnumSource.Mode.EXCLUDE)
  void theDatabaseStoreComparesPipelineNamesCaseInsensitively(ReleaseProfile release) {
    KfpHttp http = start(release);
    http.upload("/apis/v2beta1/pipelines/upload?name=Nightly", "hello_world.yaml");

    assertThat(
            http.upload("/apis/v2beta1/pipelines/upload?name=nightly", "hello_world.yaml").status())
        .isNotEqualTo(200);
  }

  // 6. Delete pipeline

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void cascadeIsHonouredFrom214AndIgnoredBefore(ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV2(http, "p", "hello_world.yaml");

    KfpHttp.Reply deleted = http.delete("/apis/v2beta1/pipelines/" + pipelineId + "?cascade=true");

    if (release.atLeast(ReleaseProfile.KFP_2_14_0)) {
      assertThat(deleted.status()).isEqualTo(200);
    } else {
      assertThat(deleted.status()).isEqualTo(400);
      assertThat(deleted.body().get("message").getAsString())
          .isEqualTo(
              "Failed to delete pipeline "
                  + pipelineId
                  + ". Check error stack: Invalid input error: Failed to delete pipeline with id "
                  + pipelineId
                  + " as it has existing pipeline versions (e.g. "
                  + http.get("/apis/v2beta1/pipelines/" + pipelineId + "/versions")
                      .body()
                      .getAsJsonArray("pipeline_versions")
                      .get(0)
                      .getAsJsonObject()
                      .get("pipeline_version_id")
                      .getAsString()
                  + ")");
    }
  }

  @ParameterizedTest
  @EnumSource(ReleaseProfile.class)
  void v1DeleteTakesTheVersionsOn185AndIsRefusedOn2x(ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV1(http, "p", "hello-world.yaml");

    KfpHttp.Reply deleted = http.delete("/apis/v1beta1/pipelines/" + pipelineId);

    if (release == ReleaseProfile.KFP_1_8_5) {
      assertThat(deleted.status()).isEqualTo(200);
      assertThat(http.get("/apis/v1beta1/pipelines/" + pipelineId).status()).isEqualTo(404);
    } else {
      assertThat(deleted.status()).isEqualTo(400);
      assertThat(deleted.body().get("message").getAsString())
          .startsWith("Failed to delete pipeline (v1beta1) " + pipelineId);
    }
  }

  // 7. Tags

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void pipelineTagsExistFrom217AreRefusedOn214AndDroppedBefore(ReleaseProfile release) {
    KfpHttp http = start(release);

    KfpHttp.Reply created =
        http.post("/apis/v2beta1/pipelines", "{\"display_name\":\"p\",\"tags\":{\"team\":\"ml\"}}");
    KfpHttp.Reply uploaded =
        http.upload(
            "/apis/v2beta1/pipelines/upload?name=u&tags=" + KfpHttp.encode("{\"team\":\"ml\"}"),
            "hello_world.yaml");

    if (release.atLeast(ReleaseProfile.KFP_2_17_0)) {
      assertThat(created.body().getAsJsonObject("tags").get("team").getAsString()).isEqualTo("ml");
      assertThat(uploaded.body().getAsJsonObject("tags").get("team").getAsString()).isEqualTo("ml");
    } else {
      assertThat(created.status())
          .isEqualTo(release.atLeast(ReleaseProfile.KFP_2_14_0) ? 400 : 200);
      assertThat(uploaded.status()).isEqualTo(200);
      assertThat(uploaded.body().has("tags")).isFalse();
    }
  }

  // 8. List filters

  /** A filter on {@code key}; {@code operationKey} is "op" on v1beta1, "operation" on v2beta1. */
  private static String filter(String operationKey, String key, String value) {
    return KfpHttp.encode(
        KfpHttp.encode(
            "{\"predicates\":[{\"key\":\""
                + key
                + "\",\""
                + operationKey
                + "\":\"EQUALS\",\"string_value\":\""
                + value
                + "\"}]}"));
  }

  @Test
  void release205FailsARunFilterOnRecurringRunIdWith500() {
    KfpHttp http = start(ReleaseProfile.KFP_2_0_5);

    KfpHttp.Reply listed =
        http.get("/apis/v2beta1/runs?filter=" + filter("operation", "recurring_run_id", "x"));

    assertThat(listed.status()).isEqualTo(500);
    assertThat(listed.body().get("message").getAsString())
        .contains("Unknown column 'RecurringRunId'");
    KfpHttp http250 = start(ReleaseProfile.KFP_2_5_0);
    assertThat(
            http250
                .get("/apis/v2beta1/runs?filter=" + filter("operation", "recurring_run_id", "x"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void release185HasNoRunFilterOnRecurringRunIdNorJobFilterOnDescription() {
    KfpHttp http = start(ReleaseProfile.KFP_1_8_5);

    KfpHttp.Reply runs =
        http.get("/apis/v1beta1/runs?filter=" + filter("op", "recurring_run_id", "x"));
    KfpHttp.Reply jobs = http.get("/apis/v1beta1/jobs?filter=" + filter("op", "description", "x"));

    assertThat(runs.status()).isEqualTo(400);
    assertThat(runs.body().get("message").getAsString())
        .contains("no support for filtering on unrecognized field \"recurring_run_id\"");
    assertThat(jobs.status()).isEqualTo(400);
    assertThat(jobs.body().get("message").getAsString())
        .contains("no support for filtering on unrecognized field \"description\"");
  }

  @ParameterizedTest
  @EnumSource(
      value = ReleaseProfile.class,
      names = {"KFP_1_8_5", "KFP_2_17_0"})
  void runsOfAJobAreScopedOn185AndUnscopedOn2x(ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV1(http, "argo", "hello-world.yaml");
    String first =
        http.post("/apis/v1beta1/jobs", v1Job(pipelineId, "")).body().get("id").getAsString();
    http.post("/apis/v1beta1/jobs", v1Job(pipelineId, ""));
    emulator().advanceClock(Duration.ofHours(1));

    KfpHttp.Reply runs =
        http.get(
            "/apis/v1beta1/runs?resource_reference_key.type=JOB&resource_reference_key.id="
                + first);

    assertThat(runs.body().getAsJsonArray("runs"))
        .hasSize(release == ReleaseProfile.KFP_1_8_5 ? 1 : 2);
  }

  // 9. v1 pipelines without a version

  @Test
  void v1PipelineListIncludesPipelinesWithoutAVersion() {
    KfpHttp http = start(ReleaseProfile.KFP_2_17_0);
    http.post("/apis/v2beta1/pipelines", "{\"name\":\"empty\"}");

    KfpHttp.Reply listed = http.get("/apis/v1beta1/pipelines");

    assertThat(listed.body().getAsJsonArray("pipelines"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getAsJsonObject().get("name").getAsString()).isEqualTo("empty");
              assertThat(p.getAsJsonObject().has("default_version")).isFalse();
            });
  }

  // 10. Recurring runs without trigger, and records that fail conversion

  @ParameterizedTest
  @EnumSource(value = ReleaseProfile.class, names = "KFP_1_8_5", mode = EnumSource.Mode.EXCLUDE)
  void aRecurringRunWithoutTriggerIsAcceptedAndShowsAnEmptyTrigger(ReleaseProfile release) {
    KfpHttp http = start(release);
    String pipelineId = uploadV2(http, "p", "hello_world.yaml");

    KfpHttp.Reply created =
        http.post(
            "/apis/v2beta1/recurringruns",
            "{\"display_name\":\"no-trigger\",\"pipeline_version_reference\":{\"pipeline_id\":\""
                + pipelineId
                + "\"},\"mode\":\"ENABLE\",\"max_concurrency\":\"1\"}");
    emulator().advanceClock(Duration.ofDays(1));

    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    assertThat(created.body().get("trigger").toString()).isEqualTo("{}");
    assertThat(emulator().startedRuns()).isEmpty();
  }

  @Test
  void aBrokenRecordIsAnsweredWithItsIdAndErrorOnly() {
    KfpHttp http = start(ReleaseProfile.KFP_2_17_0);
    String pipelineId = uploadV2(http, "p", "lightweight_python_functions_with_outputs.yaml");
    String id =
        http.post("/apis/v2beta1/recurringruns", v2RecurringRun(pipelineId, IR_PARAMETERS))
            .body()
            .get("recurring_run_id")
            .getAsString();

    emulator().breakRecurringRun(id);

    JsonObject v2 = http.get("/apis/v2beta1/recurringruns/" + id).body();
    assertThat(v2.keySet()).containsExactlyInAnyOrder("recurring_run_id", "error");
    assertThat(v2.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(13);
    JsonObject v1 = http.get("/apis/v1beta1/jobs/" + id).body();
    assertThat(v1.keySet()).containsExactlyInAnyOrder("id", "error");
    assertThat(http.get("/apis/v2beta1/recurringruns").body().getAsJsonArray("recurringRuns"))
        .hasSize(1);
  }

  // 11. Upload authentication failures

  @ParameterizedTest
  @EnumSource(ReleaseProfile.class)
  void anUploadRefusesAnExpiredTokenWith400(ReleaseProfile release) {
    KfpHttp http = start(release);
    emulator().faults().expireToken("old");

    KfpHttp.Reply refused =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    emulator().url().resolve("/apis/v1beta1/pipelines/upload?name=p"))
                .header("Authorization", "Bearer old")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "--b\r\nContent-Disposition: form-data; name=\"uploadfile\";"
                            + " filename=\"p.yaml\"\r\n\r\n"
                            + KfpHttp.resource("hello-world.yaml")
                            + "\r\n--b--\r\n")));

    assertThat(refused.status()).isEqualTo(400);
    String message = refused.body().get("error_message").getAsString();
    if (release.atLeast(ReleaseProfile.KFP_2_17_0)) {
      assertThat(message).isEqualTo("Failed to create a pipeline");
    } else if (release == ReleaseProfile.KFP_1_8_5) {
      assertThat(message).startsWith("Authorization to namespace failed.");
    } else {
      assertThat(message).startsWith("Failed to create a pipeline due to authorization error");
    }
    assertThat(http.get("/apis/v1beta1/pipelines").status()).isEqualTo(200);
  }

  // 12. Kubernetes-native pipeline store

  @Test
  void theKubernetesStoreRefusesAPipelineNameThatIsNotDns1123() {
    KfpHttp http = start(ReleaseProfile.KFP_2_17_0_KUBERNETES_STORE);

    KfpHttp.Reply refused = http.post("/apis/v2beta1/pipelines", "{\"name\":\"team/Nightly\"}");
    KfpHttp.Reply accepted = http.post("/apis/v2beta1/pipelines", "{\"name\":\"team.nightly\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").getAsString())
        .contains("Invalid pipeline name \"team/Nightly\": a lowercase RFC 1123 subdomain")
        .endsWith("Use 'display_name' for human-readable labels");
    assertThat(accepted.status()).isEqualTo(200);
  }

  // 13. 1.8.5 and IR packages

  @Test
  void release185RefusesAnIrYamlPackageWith500ButReadsIrJson() {
    KfpHttp http = start(ReleaseProfile.KFP_1_8_5);

    KfpHttp.Reply yaml = http.upload("/apis/v1beta1/pipelines/upload?name=y", "hello_world.yaml");
    KfpHttp.Reply json =
        http.upload("/apis/v1beta1/pipelines/upload?name=j", "pipeline_with_importer.json");

    assertThat(yaml.status()).isEqualTo(500);
    assertThat(yaml.body().get("error_message").getAsString())
        .isEqualTo(
            "Error creating pipeline: Create pipeline failed: InvalidInputError: unknown template"
                + " format: pipeline spec is invalid");
    assertThat(json.status()).isEqualTo(200);
  }
}
