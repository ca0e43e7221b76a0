package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour, step by step, with the real kubectl against the sandbox: the embedded API, the
 * KFP emulator and the operator in this JVM. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxTourIT {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir static Path files;

  private static Sandbox sandbox;
  private static Kubectl kubectl;

  @BeforeAll
  static void startSandbox() {
    assumeTrue(Kubectl.isOnPath(), "kubectl is not on the PATH; CI machines have it");
    sandbox =
        Sandbox.start(
            files.resolve("kubeconfig"),
            KfpEmulator.builder().clock(Clock.systemUTC()).tickEvery(Duration.ofSeconds(1)),
            Duration.ofSeconds(2),
            Clock.systemUTC());
    kubectl = new Kubectl(sandbox.kubeconfig(), files.resolve("kubectl-cache"));
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  @Order(1)
  void appliedExamplesAllBecomeReady() {
    assertThat(kubectl.run("apply", "-R", "-f", "examples/").exitCode()).isZero();

    Kubectl.Result wait =
        kubectl.run(
            "wait",
            "--for=condition=Ready",
            "pipelines,pipelineversions,recurringruns,experiments",
            "--all",
            "-A",
            "--timeout=60s");

    assertThat(wait.exitCode()).as(wait.err()).isZero();
  }

  @Test
  @Order(2)
  void getShowsTheKfpIdsInTheOriginalColumns() {
    Kubectl.Result pipelines = kubectl.run("get", "pipelines", "-A");
    Kubectl.Result versions = kubectl.run("get", "pipelineversions", "-A");

    assertThat(pipelines.out().lines().findFirst().orElseThrow())
        .matches("NAMESPACE\\s+NAME\\s+PIPELINEID\\s+READY\\s+AGE");
    assertThat(pipelines.out()).containsPattern("default\\s+cowsay\\s+" + UUID + "\\s+True");
    assertThat(versions.out().lines().findFirst().orElseThrow())
        .matches("NAMESPACE\\s+NAME\\s+VERSION\\s+PIPELINENAME\\s+PIPELINEID\\s+READY\\s+AGE");
    assertThat(versions.out())
        .containsPattern("cowsay-v1.0.0\\s+cowsay-v1.0.0\\s+cowsay\\s+" + UUID + "\\s+True");
  }

  @Test
  @Order(3)
  void getKfpListsAllFourKindsAndDescribeShowsConditionsAndEvents() {
    Kubectl.Result all = kubectl.run("get", "kfp");
    Kubectl.Result runs = kubectl.run("get", "recurringruns");
    Kubectl.Result describe = kubectl.run("describe", "pipeline", "cowsay");

    assertThat(all.out())
        .contains("pipeline.kfp.jackhoman.com/cowsay")
        .contains("pipelineversion.kfp.jackhoman.com/cowsay-v3.0.0")
        .contains("recurringrun.kfp.jackhoman.com/cowsay-every-morning")
        .contains("experiment.kfp.jackhoman.com/nightly-training");
    assertThat(runs.out()).containsPattern("cowsay-every-morning\\s+30 7 \\* \\* \\*");
    assertThat(describe.out()).contains("Conditions:").contains("Events:").contains("Synced");
  }

  @Test
  @Order(4)
  void explainDescribesTheFieldsForDataScientists() {
    assertThat(kubectl.run("explain", "pipelineversion.spec").out())
        .contains("The compiled pipeline package, inline");
  }

  @Test
  @Order(5)
  void editingACronHandsTheScheduleOverToANewKfpRecurringRun() {
    String before =
        kubectl
            .run("get", "recurringrun", "cowsay-every-morning", "-o", "jsonpath={.status.id}")
            .out();

    Kubectl.Result patch =
        kubectl.run(
            "patch",
            "recurringrun",
            "cowsay-every-morning",
            "--type=merge",
            "-p",
            "{\"spec\":{\"schedule\":{\"cron\":\"45 7 * * *\"}}}");

    assertThat(patch.exitCode()).as(patch.err()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kfpRecurringRuns())
                    .filteredOn(row -> row.name().equals("default/cowsay-every-morning"))
                    .singleElement()
                    .satisfies(
                        row -> {
                          assertThat(row.id()).isNotEqualTo(before);
                          assertThat(row.detail()).isEqualTo("enabled, cron 0 45 7 * * *");
                        }));
  }

  @Test
  @Order(6)
  void suspendingARecurringRunDisablesItInKfpKeepingItsId() {
    String id =
        kubectl
            .run("get", "recurringrun", "functions-nightly", "-o", "jsonpath={.status.id}")
            .out();

    kubectl.run(
        "patch",
        "recurringrun",
        "functions-nightly",
        "--type=merge",
        "-p",
        "{\"spec\":{\"suspend\":true}}");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kfpRecurringRuns())
                    .filteredOn(row -> row.id().equals(id))
                    .singleElement()
                    .satisfies(row -> assertThat(row.detail()).startsWith("disabled")));
  }

  @Test
  @Order(7)
  void aChangedPackageIsRefusedWithAdviceToCreateANewVersion() {
    Kubectl.Result refused =
        kubectl.run(
            "patch",
            "pipelineversion",
            "cowsay-v1.0.0",
            "--type=merge",
            "-p",
            "{\"spec\":{\"workflow\":{\"spec\":{\"entrypoint\":\"other\"}}}}");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err())
        .contains("PipelineVersion.spec is immutable")
        .contains("create a new PipelineVersion");
  }

  @Test
  @Order(8)
  void aBrokenParameterShowsItsConditionMessage() {
    kubectl.run(
        "patch",
        "recurringrun",
        "lucky-number-every-15-minutes",
        "--type=merge",
        "-p",
        "{\"spec\":{\"parameters\":[{\"name\":\"trails\",\"value\":[1]}]}}");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl
                            .run(
                                "get",
                                "recurringrun",
                                "lucky-number-every-15-minutes",
                                "-o",
                                "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}")
                            .out())
                    .contains("trails"));
  }

  @Test
  @Order(9)
  void deletingEverythingTearsKfpDownInOrder() {
    Kubectl.Result delete = kubectl.run("delete", "-R", "-f", "examples/", "--timeout=60s");

    assertThat(delete.exitCode()).as(delete.err()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(sandbox.kfp().inventory())
                    .extracting(KfpObjectRow::kind)
                    .doesNotContain("Pipeline", "PipelineVersion", "RecurringRun"));
  }

  private static List<KfpObjectRow> kfpRecurringRuns() {
    return sandbox.kfp().inventory().stream().filter(r -> r.kind().equals("RecurringRun")).toList();
  }
}
