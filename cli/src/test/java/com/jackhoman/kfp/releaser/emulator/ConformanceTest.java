package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConformanceTest {

  private static final String OUTPUTS =
      "{\"first_message\":\"a\",\"first_number\":1,\"second_message\":\"b\",\"second_number\":2}";

  private final KfpEmulator emulator = KfpEmulator.builder().start();
  private final KfpHttp http = new KfpHttp(emulator);
  private final SwaggerSchemas v1 = SwaggerSchemas.load("v1beta1", true);
  private final SwaggerSchemas v2 = SwaggerSchemas.load("v2beta1", true);

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void conforms(SwaggerSchemas schemas, String definition, KfpHttp.Reply reply) {
    assertThat(reply.status()).as(definition).isEqualTo(200);
    assertThat(schemas.validate(definition, reply.body().toString())).as(definition).isEmpty();
  }

  @Test
  void v2ResponsesMatchTheV2beta1Swagger() {
    KfpHttp.Reply pipeline =
        http.upload(
            "/apis/v2beta1/pipelines/upload?name=p",
            "lightweight_python_functions_with_outputs.yaml");
    String pipelineId = PipelineRulesTest.pipelineId(pipeline);
    KfpHttp.Reply version =
        http.upload(
            "/apis/v2beta1/pipelines/upload_version?pipelineid=" + pipelineId + "&name=v2",
            "lightweight_python_functions_with_outputs.yaml");
    KfpHttp.Reply experiment =
        http.post("/apis/v2beta1/experiments", "{\"display_name\":\"e\",\"description\":\"d\"}");
    KfpHttp.Reply recurringRun =
        http.post(
            "/apis/v2beta1/recurringruns",
            "{\"display_name\":\"r\",\"experiment_id\":\""
                + experiment.body().get("experiment_id").getAsString()
                + "\",\"pipeline_version_reference\":{\"pipeline_id\":\""
                + pipelineId
                + "\"},\"runtime_config\":{\"parameters\":"
                + OUTPUTS
                + "},\"trigger\":{\"cron_schedule\":{\"cron\":\"0 0 * * * *\","
                + "\"start_time\":\"2026-01-01T00:00:00Z\"}},\"mode\":\"ENABLE\","
                + "\"max_concurrency\":\"2\",\"no_catchup\":true}");
    KfpHttp.Reply run =
        http.post(
            "/apis/v2beta1/runs",
            "{\"display_name\":\"once\",\"description\":\"d\",\"pipeline_version_reference\":"
                + "{\"pipeline_id\":\""
                + pipelineId
                + "\"},\"runtime_config\":{\"parameters\":"
                + OUTPUTS
                + "},\"service_account\":\"runner\"}");
    String runId = run.body().get("run_id").getAsString();
    emulator.advanceClock(Duration.ofHours(1));

    conforms(v2, "v2beta1Run", run);
    conforms(v2, "v2beta1Run", http.get("/apis/v2beta1/runs/" + runId));
    conforms(v2, "v2beta1Pipeline", pipeline);
    conforms(v2, "v2beta1PipelineVersion", version);
    conforms(v2, "v2beta1ListPipelinesResponse", http.get("/apis/v2beta1/pipelines"));
    conforms(
        v2,
        "v2beta1ListPipelineVersionsResponse",
        http.get("/apis/v2beta1/pipelines/" + pipelineId + "/versions"));
    conforms(v2, "v2beta1Experiment", experiment);
    conforms(v2, "v2beta1ListExperimentsResponse", http.get("/apis/v2beta1/experiments"));
    conforms(v2, "v2beta1RecurringRun", recurringRun);
    conforms(v2, "v2beta1ListRecurringRunsResponse", http.get("/apis/v2beta1/recurringruns"));
    conforms(v2, "v2beta1ListRunsResponse", http.get("/apis/v2beta1/runs"));
    conforms(
        v2,
        "googleRpcStatus",
        new KfpHttp.Reply(200, http.get("/apis/v2beta1/pipelines/x").body()));
    assertThat(
            SwaggerSchemas.load("v2beta1", false)
                .validate(
                    "v2beta1GetHealthzResponse",
                    http.get("/apis/v2beta1/healthz").body().toString()))
        .isEmpty();
  }

  @Test
  void v1ResponsesMatchTheV1beta1Swagger() {
    KfpHttp.Reply pipeline =
        http.upload("/apis/v1beta1/pipelines/upload?name=p", "arguments-parameters.yaml");
    String pipelineId = pipeline.body().get("id").getAsString();
    KfpHttp.Reply version =
        http.upload(
            "/apis/v1beta1/pipelines/upload_version?pipelineid=" + pipelineId + "&name=v2",
            "arguments-parameters.yaml");
    KfpHttp.Reply experiment = http.post("/apis/v1beta1/experiments", "{\"name\":\"e\"}");
    KfpHttp.Reply job =
        http.post(
            "/apis/v1beta1/jobs",
            "{\"name\":\"j\",\"enabled\":true,\"max_concurrency\":\"1\","
                + "\"trigger\":{\"periodic_schedule\":{\"interval_second\":\"60\"}},"
                + "\"pipeline_spec\":{\"parameters\":[{\"name\":\"param2\",\"value\":\"x\"}]},"
                + "\"resource_references\":[{\"key\":{\"type\":\"EXPERIMENT\",\"id\":\""
                + experiment.body().get("id").getAsString()
                + "\"},\"relationship\":\"OWNER\"},{\"key\":{\"type\":\"PIPELINE_VERSION\",\"id\":\""
                + version.body().get("id").getAsString()
                + "\"},\"relationship\":\"CREATOR\"}]}");
    emulator.advanceClock(Duration.ofMinutes(1));
    String runId =
        http.get("/apis/v1beta1/runs")
            .body()
            .getAsJsonArray("runs")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString();

    conforms(v1, "apiPipeline", pipeline);
    conforms(v1, "apiPipelineVersion", version);
    conforms(v1, "apiListPipelinesResponse", http.get("/apis/v1beta1/pipelines"));
    conforms(
        v1,
        "apiListPipelineVersionsResponse",
        http.get(
            "/apis/v1beta1/pipeline_versions?resource_key.type=PIPELINE&resource_key.id="
                + pipelineId));
    conforms(v1, "apiExperiment", experiment);
    conforms(v1, "apiListExperimentsResponse", http.get("/apis/v1beta1/experiments"));
    conforms(v1, "apiJob", job);
    conforms(v1, "apiListJobsResponse", http.get("/apis/v1beta1/jobs"));
    conforms(v1, "apiListRunsResponse", http.get("/apis/v1beta1/runs"));
    conforms(v1, "apiRunDetail", http.get("/apis/v1beta1/runs/" + runId));
  }
}
