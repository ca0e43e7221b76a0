package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineRulesTest {

  private final KfpEmulator emulator = KfpEmulator.builder().start();
  private final KfpHttp http = new KfpHttp(emulator);

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void v2UploadCreatesPipelineAndFirstVersionOfTheSameName() {
    KfpHttp.Reply pipeline =
        http.upload("/apis/v2beta1/pipelines/upload?name=train&description=d", "hello_world.yaml");

    assertThat(pipeline.status()).isEqualTo(200);
    assertThat(pipeline.body().get("name").getAsString()).isEqualTo("train");
    assertThat(pipeline.body().has("pipeline_version_id")).isFalse();
    String id = pipeline.body().get("pipeline_id").getAsString();
    KfpHttp.Reply versions = http.get("/apis/v2beta1/pipelines/" + id + "/versions");
    assertThat(versions.body().getAsJsonArray("pipeline_versions")).hasSize(1);
    assertThat(
            versions
                .body()
                .getAsJsonArray("pipeline_versions")
                .get(0)
                .getAsJsonObject()
                .get("name")
                .getAsString())
        .isEqualTo("train");
  }

  @Test
  void v2UploadsKeepTheirTagsAndListsFilterOnThem() {
    String tags = "&tags=%7B%22team%22%3A%22ml%22%7D";
    String id =
        http.upload("/apis/v2beta1/pipelines/upload?name=train" + tags, "hello_world.yaml")
            .body()
            .get("pipeline_id")
            .getAsString();
    http.upload("/apis/v2beta1/pipelines/upload?name=other", "hello_world.yaml");
    KfpHttp.Reply version =
        http.upload(
            "/apis/v2beta1/pipelines/upload_version?pipelineid=" + id + "&name=v2" + tags,
            "hello_world.yaml");
    String byTag =
        "%257B%2522predicates%2522%253A%255B%257B%2522key%2522%253A%2522tags.team%2522%252C"
            + "%2522operation%2522%253A%2522EQUALS%2522%252C%2522string_value%2522%253A%2522ml"
            + "%2522%257D%255D%257D";

    KfpHttp.Reply pipelines = http.get("/apis/v2beta1/pipelines?filter=" + byTag);
    KfpHttp.Reply versions =
        http.get("/apis/v2beta1/pipelines/" + id + "/versions?filter=" + byTag);

    assertThat(version.body().getAsJsonObject("tags").get("team").getAsString()).isEqualTo("ml");
    assertThat(pipelines.body().getAsJsonArray("pipelines")).hasSize(1);
    assertThat(versions.body().getAsJsonArray("pipeline_versions")).hasSize(1);
  }

  @Test
  void v1ListsRefuseTagFilters() {
    String byTag =
        "%257B%2522predicates%2522%253A%255B%257B%2522key%2522%253A%2522tags.team%2522%252C"
            + "%2522op%2522%253A%2522EQUALS%2522%252C%2522string_value%2522%253A%2522ml%2522%257D"
            + "%255D%257D";

    assertThat(http.get("/apis/v1beta1/pipelines?filter=" + byTag).status()).isEqualTo(400);
  }

  @Test
  void v1UploadAnswersWithTheFirstVersionAsDefaultVersion() {
    KfpHttp.Reply pipeline =
        http.upload("/apis/v1beta1/pipelines/upload?name=params", "arguments-parameters.yaml");

    assertThat(pipeline.status()).isEqualTo(200);
    assertThat(pipeline.body().getAsJsonObject("default_version").get("name").getAsString())
        .isEqualTo("params");
    assertThat(pipeline.body().getAsJsonArray("parameters").toString())
        .isEqualTo("[{\"name\":\"param1\",\"value\":\"hello\"},{\"name\":\"param2\"}]");
  }

  @Test
  void secondPipelineWithTheSameNameIsAConflict() {
    http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");

    KfpHttp.Reply again = http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("code").getAsInt()).isEqualTo(6);
  }

  @Test
  void pipelineNameOver128CharactersIsRefusedAndOneOf128IsStored() {
    KfpHttp.Reply tooLong =
        http.post("/apis/v2beta1/pipelines", "{\"name\":\"" + "p".repeat(129) + "\"}");
    KfpHttp.Reply atTheLimit =
        http.post("/apis/v2beta1/pipelines", "{\"name\":\"" + "p".repeat(128) + "\"}");

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("message").getAsString()).contains("cannot exceed 128");
    assertThat(atTheLimit.status()).isEqualTo(200);
  }

  @Test
  void versionNameOver127CharactersIsRefused() {
    String id =
        pipelineId(http.upload("/apis/v2beta1/pipelines/upload?name=p", "hello_world.yaml"));

    KfpHttp.Reply tooLong = uploadVersion(id, "v".repeat(128));

    assertThat(tooLong.status()).isEqualTo(400);
  }

  @Test
  void secondUploadWithTheSameNameIsAConflictInTheUploadErrorForm() {
    http.upload("/apis/v2beta1/pipelines/upload?name=p", "hello_world.yaml");

    KfpHttp.Reply again = http.upload("/apis/v2beta1/pipelines/upload?name=p", "hello_world.yaml");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().has("error_message")).isTrue();
    assertThat(again.body().has("error_details")).isTrue();
  }

  @Test
  void secondVersionWithTheSameNameInOnePipelineIsAConflict() {
    String id =
        pipelineId(http.upload("/apis/v2beta1/pipelines/upload?name=p", "hello_world.yaml"));

    KfpHttp.Reply again = uploadVersion(id, "p");

    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void uploadVersionToAnUnknownPipelineIsBadRequestNotNotFound() {
    KfpHttp.Reply reply =
        http.upload(
            "/apis/v2beta1/pipelines/upload_version?pipelineid=nope&name=v", "hello_world.yaml");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().has("error_message")).isTrue();
  }

  @Test
  void invalidPackageIsBadRequestWithTheJudgesMessage() {
    KfpHttp.Reply reply =
        http.uploadText("/apis/v2beta1/pipelines/upload?name=bad", "bad.yaml", "kind: Nothing\n");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("error_message").getAsString()).isNotBlank();
  }

  @Test
  void deletingAPipelineWithVersionsIsBadRequestUnlessCascading() {
    String id =
        pipelineId(http.upload("/apis/v2beta1/pipelines/upload?name=p", "hello_world.yaml"));

    KfpHttp.Reply refused = http.delete("/apis/v2beta1/pipelines/" + id);
    KfpHttp.Reply v1Refused = http.delete("/apis/v1beta1/pipelines/" + id);
    KfpHttp.Reply cascaded = http.delete("/apis/v2beta1/pipelines/" + id + "?cascade=true");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("code").getAsInt()).isEqualTo(3);
    assertThat(v1Refused.status()).isEqualTo(400);
    assertThat(cascaded.status()).isEqualTo(200);
    assertThat(cascaded.body().toString()).isEqualTo("{}");
    assertThat(http.get("/apis/v2beta1/pipelines/" + id).status()).isEqualTo(404);
  }

  @Test
  void unknownRequestFieldIsBadRequest() {
    KfpHttp.Reply reply =
        http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\",\"colour\":\"red\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").getAsString()).contains("unknown field \"colour\"");
  }

  @Test
  void camelCaseRequestFieldsAreAcceptedAndAnsweredInSnakeCase() {
    KfpHttp.Reply reply =
        http.post("/apis/v2beta1/pipelines", "{\"name\":\"p\",\"displayName\":\"Pretty\"}");

    assertThat(reply.body().get("display_name").getAsString()).isEqualTo("Pretty");
  }

  @Test
  void missingObjectsAreNotFound() {
    assertThat(http.get("/apis/v2beta1/pipelines/nope").status()).isEqualTo(404);
    assertThat(http.get("/apis/v1beta1/pipeline_versions/nope").status()).isEqualTo(404);
    assertThat(http.get("/apis/v2beta1/pipelines/nope/versions").status()).isEqualTo(404);
    assertThat(http.get("/apis/v2beta1/nothing-here").status()).isEqualTo(404);
  }

  @Test
  void v1GetOfAPipelineWithoutVersionsIsNotFound() {
    String id = pipelineId(http.post("/apis/v2beta1/pipelines", "{\"name\":\"empty\"}"));

    assertThat(http.get("/apis/v1beta1/pipelines/" + id).status()).isEqualTo(404);
  }

  static String pipelineId(KfpHttp.Reply reply) {
    return reply.body().get("pipeline_id").getAsString();
  }

  private KfpHttp.Reply uploadVersion(String pipelineId, String name) {
    return http.upload(
        "/apis/v2beta1/pipelines/upload_version?pipelineid=" + pipelineId + "&name=" + name,
        "hello_world.yaml");
  }
}
