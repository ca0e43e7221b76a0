package com.jackhoman.kfp.releaser.pipelineversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.TestKfp;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersionSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.api.v1alpha1.pipelineversionspec.Workflow;
import com.jackhoman.kfp.releaser.api.v1alpha1.pipelineversionstatus.Parameters;
import com.jackhoman.kfp.releaser.api.v1alpha1.recurringrunspec.Schedule;
import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import com.jackhoman.kfp.releaser.kfp.KfpPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.NewPipelineVersion;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.status.ConditionType;
import com.jackhoman.kfp.releaser.status.Conditions;
import com.jackhoman.kfp.releaser.sync.VersionPackages;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A PipelineVersion's life in KFP: waited for, uploaded once, reported, repaired and deleted. */
class PipelineVersionIT {

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(TestKfp.emulator().start());

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  private static final String HELLO_ARGO = "cli/src/test/resources/kfp-packages/hello-world.yaml";
  private static final String HELLO_IR = "cli/src/test/resources/kfp-packages/hello_world.yaml";

  @Test
  void versionWaitsForItsPipelineAndProceedsAsSoonAsItIsReady() {
    EXTENSION.create(version("late-v1", "late", packageFile(HELLO_ARGO)));
    Condition waiting = awaitReadyReason("late-v1", "Waiting");
    assertThat(waiting.getMessage()).contains("Pipeline \"late\"");

    EXTENSION.create(pipeline("late"));
    awaitPipelineReady("late");
    Instant pipelineReady = Instant.now();

    await().atMost(Duration.ofSeconds(2)).until(() -> isReady("late-v1"));
    assertThat(Duration.between(pipelineReady, Instant.now())).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void statusCarriesIdsNameHashFormatAndTheDeclaredInputs() throws Exception {
    Workflow typed = typedInputsPackage();
    EXTENSION.create(pipeline("typed"));
    PipelineVersion created = EXTENSION.create(version("typed-v1", "typed", typed));

    PipelineVersion ready = awaitReady("typed-v1");

    KfpPipelineVersion inKfp = findInKfp("typed", "typed-v1").orElseThrow();
    assertThat(ready.getStatus().getId()).isEqualTo(inKfp.id());
    assertThat(ready.getStatus().getPipelineId())
        .isEqualTo(EXTENSION.get(Pipeline.class, "typed").getStatus().getPipelineId());
    assertThat(ready.getStatus().getName()).isEqualTo("typed-v1");
    assertThat(ready.getStatus().getFormat()).isEqualTo("PipelineSpec");
    assertThat(ready.getStatus().getSpecHash())
        .isEqualTo(VersionPackages.of(created).specHash())
        .hasSize(64);
    assertThat(ready.getStatus().getParameters())
        .extracting(
            Parameters::getName,
            Parameters::getType,
            Parameters::get_default,
            Parameters::getRequired)
        .containsExactlyInAnyOrder(
            tuple("count", "NUMBER_INTEGER", null, true),
            tuple("greeting", "STRING", "\"hello\"", false));
    assertThat(inKfp.owner())
        .contains(
            new OwnerMark(EXTENSION.getNamespace(), "typed-v1", created.getMetadata().getUid()));
  }

  @Test
  void invalidPackageIsInvalidSpecAndMakesNoKfpWrite() {
    EXTENSION.create(pipeline("broken"));
    awaitPipelineReady("broken");
    long writesBefore = OPERATOR.kfp().log().writeCount();

    Workflow notAPackage = new Workflow();
    notAPackage.setAdditionalProperties(Map.of("kind", "Nothing", "spec", Map.of()));
    EXTENSION.create(version("broken-v1", "broken", notAPackage));

    Condition ready = awaitReadyReason("broken-v1", "InvalidSpec");
    assertThat(ready.getMessage()).startsWith("KFP would refuse the package");
    assertThat(OPERATOR.kfp().log().writeCount()).isEqualTo(writesBefore);
    assertThat(findInKfp("broken", "broken-v1")).isEmpty();
  }

  @Test
  void versionDeletedInKfpIsUploadedAgainAndTheDriftReported() {
    EXTENSION.create(pipeline("drifting"));
    EXTENSION.create(version("drifting-v1", "drifting", packageFile(HELLO_ARGO)));
    PipelineVersion first = awaitReady("drifting-v1");
    String firstId = first.getStatus().getId();

    OPERATOR.kfpClient().versions().delete(first.getStatus().getPipelineId(), firstId);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              PipelineVersion repaired = EXTENSION.get(PipelineVersion.class, "drifting-v1");
              assertThat(repaired.getStatus().getId()).isNotEqualTo(firstId);
              assertThat(
                      Conditions.find(repaired.getStatus().getConditions(), ConditionType.Drifted))
                  .hasValueSatisfying(c -> assertThat(c.getMessage()).contains(firstId));
            });
    assertThat(findInKfp("drifting", "drifting-v1").orElseThrow().id())
        .isEqualTo(EXTENSION.get(PipelineVersion.class, "drifting-v1").getStatus().getId());
    assertThat(events("drifting-v1"))
        .anySatisfy(e -> assertThat(e).contains("Warning", "Drifted", firstId));
  }

  @Test
  void versionOfAnotherOwnerIsNotTouched() {
    EXTENSION.create(pipeline("shared"));
    String pipelineId = awaitPipelineReady("shared").getStatus().getPipelineId();
    uploadInKfp(pipelineId, "shared-v1", new OwnerMark("elsewhere", "shared-v1", "another-uid"));
    long writesBefore = OPERATOR.kfp().log().writeCount();

    EXTENSION.create(version("shared-v1", "shared", packageFile(HELLO_ARGO)));

    Condition ready = awaitReadyReason("shared-v1", "NotOwned");
    assertThat(ready.getMessage()).contains("belongs to another kfp-releaser object");
    assertThat(OPERATOR.kfp().log().writeCount()).isEqualTo(writesBefore);

    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "shared-v1"));
    await().until(() -> EXTENSION.get(PipelineVersion.class, "shared-v1") == null);
    assertThat(findInKfp("shared", "shared-v1")).isPresent();
  }

  @Test
  void versionOfAnEarlierObjectIsAdoptedOnlyWithTheAnnotation() {
    EXTENSION.create(pipeline("legacy"));
    String pipelineId = awaitPipelineReady("legacy").getStatus().getPipelineId();
    KfpPipelineVersion earlier =
        uploadInKfp(
            pipelineId,
            "legacy-v1",
            new OwnerMark(EXTENSION.getNamespace(), "legacy-v1", "uid-of-an-earlier-object"));

    EXTENSION.create(version("legacy-v1", "legacy", packageFile(HELLO_ARGO)));
    awaitReadyReason("legacy-v1", "NotOwned");

    PipelineVersion adopting = EXTENSION.get(PipelineVersion.class, "legacy-v1");
    adopting.getMetadata().setAnnotations(Map.of("kfp.jackhoman.com/adopt", "true"));
    EXTENSION.replace(adopting);

    assertThat(awaitReady("legacy-v1").getStatus().getId()).isEqualTo(earlier.id());
  }

  @Test
  void pipelineAndVersionsDeletedTogetherLeaveNothingInKfpAndThePipelineGoesLast() {
    Pipeline pipeline = EXTENSION.create(pipeline("together"));
    EXTENSION.create(version("together-v1", "together", packageFile(HELLO_ARGO)));
    EXTENSION.create(version("together-v2", "together", packageFile(HELLO_IR)));
    String v1 = awaitReady("together-v1").getStatus().getId();
    String v2 = awaitReady("together-v2").getStatus().getId();
    String pipelineId = EXTENSION.get(Pipeline.class, "together").getStatus().getPipelineId();
    int logStart = OPERATOR.kfp().log().entries().size();

    EXTENSION.delete(pipeline);
    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "together-v1"));
    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "together-v2"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> EXTENSION.get(Pipeline.class, "together") == null);
    assertThat(EXTENSION.get(PipelineVersion.class, "together-v1")).isNull();
    assertThat(EXTENSION.get(PipelineVersion.class, "together-v2")).isNull();
    List<String> deletes =
        OPERATOR.kfp().log().entries().stream()
            .skip(logStart)
            .filter(r -> "DELETE".equals(r.method()))
            .map(LoggedRequest::path)
            .toList();
    assertThat(deletes)
        .containsExactlyInAnyOrder(
            "/apis/v2beta1/pipelines/" + pipelineId + "/versions/" + v1,
            "/apis/v2beta1/pipelines/" + pipelineId + "/versions/" + v2,
            "/apis/v2beta1/pipelines/" + pipelineId);
    assertThat(deletes).last().isEqualTo("/apis/v2beta1/pipelines/" + pipelineId);
    assertThat(OPERATOR.kfpClient().pipelines().findByName("", kfpName("together"))).isEmpty();
  }

  @Test
  void deletingAVersionWhoseKfpVersionIsGoneFinishesAtOnce() {
    EXTENSION.create(pipeline("vanished"));
    EXTENSION.create(version("vanished-v1", "vanished", packageFile(HELLO_ARGO)));
    PipelineVersion ready = awaitReady("vanished-v1");
    OPERATOR
        .kfpClient()
        .versions()
        .delete(ready.getStatus().getPipelineId(), ready.getStatus().getId());

    EXTENSION.delete(ready);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> EXTENSION.get(PipelineVersion.class, "vanished-v1") == null);
  }

  @Test
  void orphanedVersionStaysInKfp() {
    EXTENSION.create(pipeline("keeper"));
    PipelineVersion orphan = version("keeper-v1", "keeper", packageFile(HELLO_ARGO));
    orphan.getSpec().setDeletionPolicy(PipelineVersionSpec.DeletionPolicy.ORPHAN);
    EXTENSION.create(orphan);
    String id = awaitReady("keeper-v1").getStatus().getId();

    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "keeper-v1"));

    await().until(() -> EXTENSION.get(PipelineVersion.class, "keeper-v1") == null);
    assertThat(findInKfp("keeper", "keeper-v1"))
        .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(id));
  }

  @Test
  void versionIsKeptWhileARecurringRunStillUsesIt() {
    EXTENSION.create(pipeline("scheduled"));
    EXTENSION.create(version("scheduled-v1", "scheduled", packageFile(HELLO_ARGO)));
    awaitReady("scheduled-v1");
    RecurringRun run = EXTENSION.create(recurringRun("nightly", "scheduled-v1"));

    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "scheduled-v1"));

    Condition deleting = awaitReadyReason("scheduled-v1", "Deleting");
    assertThat(deleting.getMessage()).contains("nightly");
    assertThat(findInKfp("scheduled", "scheduled-v1")).isPresent();

    EXTENSION.delete(run);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> EXTENSION.get(PipelineVersion.class, "scheduled-v1") == null);
    assertThat(findInKfp("scheduled", "scheduled-v1")).isEmpty();
  }

  @Test
  void theWhalesayDemoSyncsToReadyWithIds() {
    EXTENSION.create(manifest("examples/whalesay/pipeline.yaml", Pipeline.class));
    List<String> versions = List.of("cowsay-v1.0.0", "cowsay-v2.0.0", "cowsay-v3.0.0");
    versions.forEach(
        name ->
            EXTENSION.create(
                manifest("examples/whalesay/versions/" + name + ".yaml", PipelineVersion.class)));

    String pipelineId = awaitPipelineReady("cowsay").getStatus().getPipelineId();
    for (String name : versions) {
      PipelineVersion ready = awaitReady(name);
      assertThat(ready.getStatus().getPipelineId()).isEqualTo(pipelineId);
      assertThat(ready.getStatus().getId()).isEqualTo(findInKfp("cowsay", name).orElseThrow().id());
      assertThat(ready.getStatus().getFormat()).isEqualTo("ArgoWorkflow");
    }
  }

  @Test
  void afterConvergenceReconcilingEveryObjectAgainMakesNoKfpWrite() {
    EXTENSION.create(pipeline("quiet"));
    List<String> versions = List.of("quiet-v1", "quiet-v2");
    versions.forEach(name -> EXTENSION.create(version(name, "quiet", packageFile(HELLO_IR))));
    awaitPipelineReady("quiet");
    versions.forEach(PipelineVersionIT::awaitReady);
    long writesBefore = OPERATOR.kfp().log().writeCount();

    for (int i = 0; i < 20; i++) {
      touch(EXTENSION.get(Pipeline.class, "quiet"), i);
      versions.forEach(name -> touch(EXTENSION.get(PipelineVersion.class, name), 0));
    }

    await()
        .pollDelay(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(EXTENSION.get(Pipeline.class, "quiet").getMetadata().getAnnotations())
                  .containsEntry("test/touch", "19");
              assertThat(OPERATOR.kfp().log().writeCount()).isEqualTo(writesBefore);
            });
    versions.forEach(name -> assertThat(isReady(name)).isTrue());
  }

  private static <T extends HasMetadata> void touch(T object, int round) {
    object.getMetadata().setAnnotations(Map.of("test/touch", String.valueOf(round)));
    EXTENSION.replace(object);
  }

  private static Pipeline pipeline(String name) {
    Pipeline pipeline = new Pipeline();
    pipeline.setMetadata(metadata(name));
    PipelineSpec spec = new PipelineSpec();
    spec.setDescription("The " + name + " pipeline");
    pipeline.setSpec(spec);
    return pipeline;
  }

  private static PipelineVersion version(String name, String pipeline, Workflow workflow) {
    PipelineVersion version = new PipelineVersion();
    version.setMetadata(metadata(name));
    PipelineVersionSpec spec = new PipelineVersionSpec();
    spec.setPipeline(pipeline);
    spec.setDescription("Version " + name);
    spec.setWorkflow(workflow);
    version.setSpec(spec);
    return version;
  }

  private static RecurringRun recurringRun(String name, String versionRef) {
    RecurringRun run = new RecurringRun();
    run.setMetadata(metadata(name));
    RecurringRunSpec spec = new RecurringRunSpec();
    spec.setVersionRef(versionRef);
    Schedule schedule = new Schedule();
    schedule.setCron("0 6 * * *");
    spec.setSchedule(schedule);
    run.setSpec(spec);
    return run;
  }

  private static ObjectMeta metadata(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace(EXTENSION.getNamespace()).build();
  }

  private static <T extends HasMetadata> T manifest(String path, Class<T> type) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      T object = Serialization.unmarshal(in, type);
      object.getMetadata().setNamespace(EXTENSION.getNamespace());
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Workflow packageFile(String path) {
    try {
      return Serialization.unmarshal(Files.readString(Path.of(path)), Workflow.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The IR hello world with a required integer input and a string input with a default. */
  @SuppressWarnings("unchecked")
  private static Workflow typedInputsPackage() {
    Workflow workflow = packageFile(HELLO_IR);
    Map<String, Object> root = (Map<String, Object>) workflow.getAdditionalProperties().get("root");
    root.put(
        "inputDefinitions",
        Map.of(
            "parameters",
            Map.of(
                "count", Map.of("parameterType", "NUMBER_INTEGER"),
                "greeting",
                    Map.of(
                        "parameterType", "STRING", "defaultValue", "hello", "isOptional", true))));
    return workflow;
  }

  private KfpPipelineVersion uploadInKfp(String pipelineId, String name, OwnerMark mark) {
    try {
      return OPERATOR
          .kfpClient()
          .versions()
          .upload(
              new NewPipelineVersion(
                  pipelineId,
                  name,
                  name,
                  "uploaded by hand",
                  mark,
                  Files.readString(Path.of(HELLO_ARGO))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kfpName(String name) {
    return EXTENSION.getNamespace() + "/" + name;
  }

  private static Optional<KfpPipelineVersion> findInKfp(String pipeline, String version) {
    return OPERATOR
        .kfpClient()
        .pipelines()
        .findByName("", kfpName(pipeline))
        .flatMap(p -> OPERATOR.kfpClient().versions().findByName(p.id(), version));
  }

  private static List<String> events(String name) {
    return EXTENSION
        .getKubernetesClient()
        .v1()
        .events()
        .inNamespace(EXTENSION.getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getType() + " " + e.getReason() + " " + e.getMessage())
        .toList();
  }

  private static Pipeline awaitPipelineReady(String name) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Optional.ofNullable(EXTENSION.get(Pipeline.class, name))
                    .map(Pipeline::getStatus)
                    .filter(s -> Conditions.holds(s.getConditions(), ConditionType.Ready))
                    .isPresent());
    return EXTENSION.get(Pipeline.class, name);
  }

  private static boolean isReady(String name) {
    return Optional.ofNullable(EXTENSION.get(PipelineVersion.class, name))
        .map(PipelineVersion::getStatus)
        .filter(s -> Conditions.holds(s.getConditions(), ConditionType.Ready))
        .isPresent();
  }

  private static PipelineVersion awaitReady(String name) {
    awaitReadyReason(name, "Synced");
    return EXTENSION.get(PipelineVersion.class, name);
  }

  private static Condition awaitReadyReason(String name, String reason) {
    return ReadyCondition.await(
        EXTENSION, PipelineVersion.class, name, c -> reason.equals(c.getReason()));
  }
}
