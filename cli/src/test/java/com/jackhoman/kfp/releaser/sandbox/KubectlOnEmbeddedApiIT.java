package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl does everyday work against the embedded Kubernetes API. */
class KubectlOnEmbeddedApiIT {

  private static final ResourceDefinitionContext PIPELINES =
      new ResourceDefinitionContext.Builder()
          .withGroup("kfp.jackhoman.com")
          .withVersion("v1alpha1")
          .withKind("Pipeline")
          .withPlural("pipelines")
          .withNamespaced(true)
          .build();

  @TempDir static Path files;

  private static EmbeddedKubernetesApi api;
  private static KubernetesClient client;
  private static Kubectl kubectl;
  private static Kubectl.Result appliedExamples;

  @BeforeAll
  static void startApiAndApplyCrdsAndExamples() throws IOException {
    assumeTrue(Kubectl.isOnPath(), "kubectl is not on the PATH; CI machines have it");
    api = EmbeddedKubernetesApi.start(files.resolve("kubeconfig"), Clock.systemUTC());
    client = api.newClient();
    kubectl = new Kubectl(api.kubeconfig(), files.resolve("kubectl-cache"));
    assertThat(kubectl.run("apply", "-k", "crds/").exitCode()).isZero();
    appliedExamples = kubectl.run("apply", "-R", "-f", "examples/");
  }

  @AfterAll
  static void stopApi() {
    if (api != null) {
      client.close();
      api.close();
    }
  }

  @Test
  void applyOfTheExamplesCreatesEveryObject() {
    assertThat(appliedExamples.err()).isEmpty();
    assertThat(appliedExamples.out().lines().filter(line -> line.endsWith(" created")))
        .hasSize(18)
        .contains("pipelineversion.kfp.jackhoman.com/cowsay-v3.0.0 created");
  }

  @Test
  void getPipelinesInAllNamespacesPrintsThePrinterColumns() {
    String out = kubectl.run("get", "pipelines", "-A").out();

    assertThat(out.lines().findFirst().orElseThrow())
        .matches("NAMESPACE\\s+NAME\\s+PIPELINEID\\s+READY\\s+AGE");
    assertThat(out).containsPattern("(?m)^default\\s+functions-with-outputs\\s+\\d+s$");
  }

  @Test
  void getPipelineVersionsInAllNamespacesPrintsVersionPipelineNameAndId() {
    String out = kubectl.run("get", "pipelineversions", "-A").out();

    assertThat(out.lines().findFirst().orElseThrow())
        .matches("NAMESPACE\\s+NAME\\s+VERSION\\s+PIPELINENAME\\s+PIPELINEID\\s+READY\\s+AGE");
    assertThat(out).containsPattern("(?m)^default\\s+cowsay-v2.0.0\\s+cowsay\\s+\\d+s$");
  }

  @Test
  void getRecurringRunsShowsTheIntervalColumnOnlyInWideOutput() {
    String narrow = kubectl.run("get", "recurringruns").out();
    String wide = kubectl.run("get", "recurringruns", "-o", "wide").out();

    assertThat(narrow.lines().findFirst().orElseThrow())
        .matches("NAME\\s+SCHEDULE\\s+VERSION\\s+SUSPENDED\\s+READY\\s+LASTRUN\\s+NEXTRUN\\s+AGE");
    assertThat(narrow)
        .containsPattern("(?m)^cowsay-every-morning\\s+30 7 \\* \\* \\*\\s+cowsay-v3");
    assertThat(wide.lines().findFirst().orElseThrow()).contains("INTERVAL");
    assertThat(wide)
        .containsPattern("(?m)^functions-hourly\\s+3600\\s+functions-with-outputs-v1\\s+true");
  }

  @Test
  void getKfpListsAllFourKindsOfTheCategory() {
    String out = kubectl.run("get", "kfp").out();

    assertThat(out)
        .contains("experiment.kfp.jackhoman.com/nightly-training")
        .contains("pipeline.kfp.jackhoman.com/cowsay")
        .contains("pipelineversion.kfp.jackhoman.com/cowsay-v1.0.0")
        .contains("recurringrun.kfp.jackhoman.com/functions-nightly");
  }

  @Test
  void describeShowsStatusConditionsAndTheObjectsEvents() {
    kubectl.runWithInput(pipeline("described", ""), "apply", "-f", "-");
    setReady("described");
    GenericKubernetesResource described = pipelines().withName("described").get();
    client
        .v1()
        .events()
        .inNamespace("default")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("described.1")
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("kfp.jackhoman.com/v1alpha1")
                .withKind("Pipeline")
                .withName("described")
                .withNamespace("default")
                .withUid(described.getMetadata().getUid())
                .endInvolvedObject()
                .withType("Normal")
                .withReason("Created")
                .withMessage("Created the pipeline in KFP")
                .withNewSource("kfp-releaser", null)
                .withFirstTimestamp("2026-11-25T00:00:00Z")
                .withLastTimestamp("2026-11-25T00:00:00Z")
                .build())
        .create();

    String out = kubectl.run("describe", "pipeline", "described").out();

    assertThat(out)
        .containsPattern("Type:\\s+Ready")
        .containsPattern("Pipeline Id:\\s+id-described")
        .containsPattern(
            "Normal\\s+Created\\s+\\S+\\s+kfp-releaser\\s+Created the pipeline in KFP");
  }

  @Test
  void explainPrintsTheDescriptionsOfTheCrdSchema() {
    String out = kubectl.run("explain", "pipelineversion.spec").out();

    assertThat(out)
        .contains("KIND:       PipelineVersion")
        .contains("The compiled package and the Pipeline it belongs to.")
        .containsPattern("workflow\\s+<Object> -required-");
  }

  @Test
  void waitReturnsOnceReadyIsSetThroughTheStatusSubresource() throws Exception {
    kubectl.runWithInput(pipeline("awaited", ""), "apply", "-f", "-");
    Process waiting =
        kubectl.start("wait", "--for=condition=Ready", "pipeline/awaited", "--timeout=20s");

    assertThat(waiting.waitFor(1500, TimeUnit.MILLISECONDS)).as("wait returned early").isFalse();
    setReady("awaited");

    Kubectl.Result result = Kubectl.finish(waiting, 20);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("pipeline.kfp.jackhoman.com/awaited condition met");
  }

  @Test
  void serverSideApplyUpdatesAnExistingObject() {
    kubectl.runWithInput(pipeline("applied", "first"), "apply", "-f", "-");

    Kubectl.Result result =
        kubectl.runWithInput(pipeline("applied", "second"), "apply", "--server-side", "-f", "-");

    assertThat(result.out()).contains("pipeline.kfp.jackhoman.com/applied serverside-applied");
    assertThat(
            kubectl
                .run(
                    "get",
                    "pipeline",
                    "applied",
                    "-o",
                    "jsonpath={.spec.description} {.metadata.generation}")
                .out())
        .isEqualTo("second 2");
  }

  @Test
  void mergePatchReplacesTheWholeParameterList() {
    Kubectl.Result result =
        kubectl.run(
            "patch",
            "recurringrun",
            "functions-nightly",
            "--type=merge",
            "-p",
            "{\"spec\":{\"parameters\":[{\"name\":\"first_message\",\"value\":\"bye\"}]}}");

    assertThat(result.out()).contains("recurringrun.kfp.jackhoman.com/functions-nightly patched");
    assertThat(
            kubectl
                .run(
                    "get",
                    "recurringrun",
                    "functions-nightly",
                    "-o",
                    "jsonpath={.spec.parameters[*].name}")
                .out())
        .isEqualTo("first_message");
  }

  @Test
  void changingAPipelineVersionsWorkflowIsRefusedByTheImmutabilityRule() throws IOException {
    String changed =
        Files.readString(Path.of("examples/whalesay/versions/cowsay-v1.0.0.yaml"))
            .replace("Hello, World!", "Goodbye");

    Kubectl.Result result = kubectl.runWithInput(changed, "apply", "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "The PipelineVersion \"cowsay-v1.0.0\" is invalid: spec: Invalid value: \"object\":"
                + " PipelineVersion.spec is immutable");
  }

  @Test
  void unknownFieldIsRefusedByStrictFieldValidation() {
    Kubectl.Result result =
        kubectl.runWithInput(
            pipeline("colourful", "x").replace("spec:", "spec:\n  colour: red"),
            "apply",
            "-f",
            "-");

    assertThat(result.err())
        .contains(
            "Pipeline in version \"v1alpha1\" cannot be handled as a Pipeline: strict decoding"
                + " error: unknown field \"spec.colour\"");
  }

  @Test
  void createNamespaceMakesANamespaceThatObjectsCanBeCreatedIn() {
    String missing =
        kubectl.runWithInput(pipeline("elsewhere", ""), "apply", "-n", "team-a", "-f", "-").err();
    Kubectl.Result created = kubectl.run("create", "namespace", "team-a");
    Kubectl.Result applied =
        kubectl.runWithInput(pipeline("elsewhere", ""), "apply", "-n", "team-a", "-f", "-");

    assertThat(missing).contains("namespaces \"team-a\" not found");
    assertThat(created.out()).contains("namespace/team-a created");
    assertThat(applied.out()).contains("pipeline.kfp.jackhoman.com/elsewhere created");
  }

  @Test
  void deleteWaitsUntilTheLastFinalizerIsRemoved() throws Exception {
    kubectl.runWithInput(
        pipeline("doomed", "")
            .replace("metadata:", "metadata:\n  finalizers: [kfp.jackhoman.com/teardown]"),
        "apply",
        "-f",
        "-");
    Process deleting = kubectl.start("delete", "pipeline", "doomed", "--timeout=20s");

    assertThat(deleting.waitFor(1500, TimeUnit.MILLISECONDS)).as("delete returned early").isFalse();
    assertThat(pipelines().withName("doomed").get().getMetadata().getDeletionTimestamp())
        .isNotBlank();
    kubectl.run(
        "patch",
        "pipeline",
        "doomed",
        "--type=json",
        "-p",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");

    Kubectl.Result result = Kubectl.finish(deleting, 20);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("pipeline.kfp.jackhoman.com \"doomed\" deleted");
    assertThat(kubectl.run("get", "pipeline", "doomed").err()).contains("\"doomed\" not found");
  }

  private static void setReady(String name) {
    pipelines()
        .withName(name)
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"pipelineId\":\"id-"
                + name
                + "\",\"observedGeneration\":1,\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
                + "\"reason\":\"Synced\",\"message\":\"In KFP as declared\",\"observedGeneration\":1,"
                + "\"lastTransitionTime\":\"2026-11-25T00:00:00Z\"}]}}");
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      pipelines() {
    return client.genericKubernetesResources(PIPELINES).inNamespace("default");
  }

  private static String pipeline(String name, String description) {
    return String.join(
        "\n",
        "apiVersion: kfp.jackhoman.com/v1alpha1",
        "kind: Pipeline",
        "metadata:",
        "  name: " + name,
        "spec:",
        "  description: '" + description + "'",
        "");
  }
}
