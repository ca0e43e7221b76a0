package com.jackhoman.kfp.releaser.kfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.jackhoman.kfp.releaser.emulator.FaultRule;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.emulator.StartedRun;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The behaviour every KFP adapter must show, run over real HTTP against the KFP emulator acting as
 * each KFP release the adapter serves; one subclass per REST generation and package format supplies
 * the generation, the releases ({@code @ParameterizedClass} with a {@code releases} method) and a
 * package with its parameters.
 */
public abstract class KfpClientContract {

  private static final String NAMESPACE = "";
  private static final Gson GSON = new Gson();

  /** The KFP release the emulator acts as. */
  @Parameter ReleaseProfile release;

  @TempDir Path dir;

  private final List<Duration> waits = new ArrayList<>();
  private KfpEmulator kfp;
  private Path token;
  private KfpClient client;

  /** The REST generation under test. */
  protected abstract KfpApiVersion api();

  /** The package the recurring runs of the contract run. */
  protected abstract ContractPackage contractPackage();

  /** Every release with v1beta1 (the Kubernetes pipeline store answers it with 500). */
  public static Stream<ReleaseProfile> v1Releases() {
    return Stream.of(ReleaseProfile.values())
        .filter(release -> release != ReleaseProfile.KFP_2_17_0_KUBERNETES_STORE);
  }

  /** Every release with v2beta1: all 2.x, the Kubernetes pipeline store included. */
  public static Stream<ReleaseProfile> v2Releases() {
    return Stream.of(ReleaseProfile.values())
        .filter(release -> release != ReleaseProfile.KFP_1_8_5);
  }

  /** Every 2.x release keeping pipelines in its database, so keeping both package formats. */
  public static Stream<ReleaseProfile> databaseReleasesOf2x() {
    return v2Releases().filter(release -> release != ReleaseProfile.KFP_2_17_0_KUBERNETES_STORE);
  }

  @BeforeEach
  void startKfp() throws IOException {
    kfp = KfpEmulator.builder().release(release).start();
    token = Files.writeString(dir.resolve("token"), "token-1");
    client = connect(endpoint());
  }

  @AfterEach
  void stopKfp() {
    client.close();
    kfp.close();
  }

  @Test
  void theHealthCheckNamesTheApiAndTheRelease() {
    KfpServerInfo info = client.health().check();

    assertThat(info.api()).isEqualTo(api());
    assertThat(info.release()).isNotBlank();
    assertThat(info.multiUser()).isFalse();
  }

  @Test
  void uploadingAPackageCreatesAPipelineAndAFirstVersionOfTheSameName() {
    KfpPipeline pipeline = upload("train");

    assertThat(pipeline.name()).isEqualTo("train");
    assertThat(pipeline.description()).isEqualTo("Trains a model");
    assertThat(pipeline.owner()).contains(owner("train"));
    assertThat(client.pipelines().get(pipeline.id())).isEqualTo(pipeline);
    assertThat(client.versions().list(pipeline.id()))
        .singleElement()
        .satisfies(version -> assertThat(version.name()).isEqualTo("train"));
  }

  @Test
  void aPipelineIsFoundByNameAndByItsOwnerOnly() {
    KfpPipeline pipeline = upload("train");
    upload("other");

    assertThat(client.pipelines().findByName(NAMESPACE, "train")).contains(pipeline);
    assertThat(client.pipelines().findByName(NAMESPACE, "missing")).isEmpty();
    assertThat(client.pipelines().findOwnedBy(NAMESPACE, owner("train"))).containsExactly(pipeline);
    assertThat(client.pipelines().findOwnedBy(NAMESPACE, new OwnerMark("team-a", "train", "uid-x")))
        .isEmpty();
  }

  @Test
  void aPipelineIsCreatedWithoutAPackageOnlyWhereTheApiAllowsIt() {
    NewPipeline empty = new NewPipeline(NAMESPACE, "empty", "Empty", "No versions yet", owner("e"));

    if (client.pipelines().createsWithoutPackage()) {
      KfpPipeline pipeline = client.pipelines().create(empty);
      assertThat(client.pipelines().findOwnedBy(NAMESPACE, owner("e"))).containsExactly(pipeline);
      assertThat(client.versions().list(pipeline.id())).isEmpty();
    } else {
      assertThatThrownBy(() -> client.pipelines().create(empty))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(kfp.log().writeCount()).isZero();
    }
  }

  @Test
  void aSecondPipelineOfTheSameNameIsAConflict() {
    upload("train");

    assertThatThrownBy(() -> upload("train")).isInstanceOf(KfpConflict.class);
  }

  @Test
  void anInvalidPackageIsRejectedWithKfpsMessage() {
    NewPipeline pipeline = new NewPipeline(NAMESPACE, "bad", "bad", "", owner("bad"));

    assertThatThrownBy(() -> client.pipelines().upload(pipeline, "just: a map\n"))
        .isInstanceOf(KfpRejected.class)
        .hasMessageContaining("KFP answered 400: ")
        .satisfies(e -> assertThat(((KfpException) e).httpStatus()).isEqualTo(400));
  }

  @Test
  void anUnknownIdIsNotFoundForEveryKind() {
    String unknown = "00000000-0000-0000-0000-000000000000";

    assertThatThrownBy(() -> client.pipelines().get(unknown)).isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.versions().get(unknown, unknown))
        .isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.experiments().get(unknown)).isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.recurringRuns().get(unknown)).isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.recurringRuns().delete(unknown))
        .isInstanceOf(KfpNotFound.class);
  }

  @Test
  void deletingAPipelineDeletesItsVersionsToo() {
    KfpPipeline pipeline = upload("train");
    KfpPipelineVersion second = uploadVersion(pipeline, "v2");

    client.pipelines().delete(pipeline.id());

    assertThatThrownBy(() -> client.versions().get(pipeline.id(), second.id()))
        .isInstanceOf(KfpNotFound.class);

    assertThatThrownBy(() -> client.pipelines().get(pipeline.id())).isInstanceOf(KfpNotFound.class);
    assertThat(client.pipelines().findByName(NAMESPACE, "train")).isEmpty();
  }

  @Test
  void anUploadedVersionIsFoundByNameByOwnerAndById() {
    KfpPipeline pipeline = upload("train");

    KfpPipelineVersion version = uploadVersion(pipeline, "v2");

    assertThat(version.pipelineId()).isEqualTo(pipeline.id());
    assertThat(version.owner()).contains(owner("v2"));
    assertThat(version.description()).isEqualTo("Version v2");
    assertThat(client.versions().get(pipeline.id(), version.id())).isEqualTo(version);
    assertThat(client.versions().findByName(pipeline.id(), "v2")).contains(version);
    assertThat(client.versions().findOwnedBy(pipeline.id(), owner("v2"))).containsExactly(version);
    assertThat(client.versions().findByName(pipeline.id(), "v3")).isEmpty();
  }

  @Test
  void aSecondVersionOfTheSameNameIsAConflict() {
    KfpPipeline pipeline = upload("train");
    uploadVersion(pipeline, "v2");

    assertThatThrownBy(() -> uploadVersion(pipeline, "v2")).isInstanceOf(KfpConflict.class);
  }

  @Test
  void aDeletedVersionIsNotFoundAnyMore() {
    KfpPipeline pipeline = upload("train");
    KfpPipelineVersion version = uploadVersion(pipeline, "v2");

    client.versions().delete(pipeline.id(), version.id());

    assertThatThrownBy(() -> client.versions().get(pipeline.id(), version.id()))
        .isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.versions().delete(pipeline.id(), version.id()))
        .isInstanceOf(KfpNotFound.class);
  }

  @Test
  void listsFollowPageTokensAcrossManyPages() {
    KfpPipeline pipeline = upload("train");
    for (int i = 1; i <= 6; i++) {
      uploadVersion(pipeline, "v" + i);
    }
    kfp.log().clear();

    List<KfpPipelineVersion> versions = client.versions().list(pipeline.id());

    assertThat(versions).hasSize(7).extracting(KfpPipelineVersion::name).doesNotHaveDuplicates();
    assertThat(kfp.log().entries()).hasSize(4).allMatch(request -> request.status() == 200);
  }

  @Test
  void anExperimentIsCreatedFoundByNameAndOwnerAndDeleted() {
    KfpExperiment experiment = experiment("nightly");

    assertThat(experiment.description()).isEqualTo("Nightly runs");
    assertThat(client.experiments().get(experiment.id())).isEqualTo(experiment);
    assertThat(client.experiments().findByName(NAMESPACE, "nightly")).contains(experiment);
    assertThat(client.experiments().findOwnedBy(NAMESPACE, owner("nightly")))
        .containsExactly(experiment);

    client.experiments().delete(experiment.id());

    assertThat(client.experiments().findByName(NAMESPACE, "nightly")).isEmpty();
    assertThatThrownBy(() -> client.experiments().delete(experiment.id()))
        .isInstanceOf(KfpNotFound.class);
  }

  @Test
  void aSecondExperimentOfTheSameNameIsAConflict() {
    experiment("nightly");

    assertThatThrownBy(() -> experiment("nightly")).isInstanceOf(KfpConflict.class);
  }

  @Test
  void aRecurringRunKeepsItsVersionScheduleParametersAndLimits() {
    KfpPipeline pipeline = upload("train");
    KfpPipelineVersion version = uploadVersion(pipeline, "v2");
    KfpExperiment experiment = experiment("nightly");

    KfpRecurringRun created =
        client.recurringRuns().create(newRun("nightly-train", experiment, version, cron(), true));

    KfpRecurringRun read = client.recurringRuns().get(created.id());
    assertThat(read).isEqualTo(created);
    assertThat(read.name()).isEqualTo("nightly-train");
    assertThat(read.description()).isEqualTo("Runs nightly");
    assertThat(read.owner()).contains(owner("nightly-train"));
    assertThat(read.experimentId()).isEqualTo(experiment.id());
    assertThat(read.pipelineVersionId()).isEqualTo(version.id());
    assertThat(read.trigger()).isEqualTo(cron());
    assertThat(read.parameters()).isEqualTo(expectedParameters());
    assertThat(read.maxConcurrency()).isEqualTo(3);
    assertThat(read.noCatchup()).isTrue();
    assertThat(read.enabled()).isTrue();
  }

  @Test
  void recurringRunsAreFoundByOwnerEvenWhenNamesRepeat() {
    KfpPipelineVersion version = uploadVersion(upload("train"), "v2");
    KfpExperiment experiment = experiment("nightly");
    KfpTrigger hourly =
        new KfpTrigger.Periodic(Duration.ofHours(1), Optional.empty(), Optional.empty());
    KfpRecurringRun ours =
        client.recurringRuns().create(newRun("same-name", experiment, version, hourly, false));
    NewRecurringRun theirs =
        withOwner(newRun("same-name", experiment, version, cron(), false), "someone-else");
    client.recurringRuns().create(theirs);

    assertThat(client.recurringRuns().findByName(NAMESPACE, "same-name")).hasSize(2);
    assertThat(client.recurringRuns().findOwnedBy(NAMESPACE, owner("same-name")))
        .containsExactly(ours);
    assertThat(ours.trigger()).isEqualTo(hourly);
    assertThat(ours.enabled()).isFalse();
  }

  @Test
  void everyObjectOfTheNamespaceIsListedWhoeverOwnsIt() {
    KfpPipelineVersion version = uploadVersion(upload("train"), "v2");
    KfpPipeline other = upload("other");
    KfpExperiment nightly = experiment("nightly");
    KfpExperiment weekly = experiment("weekly");
    KfpRecurringRun ours =
        client.recurringRuns().create(newRun("same-name", nightly, version, cron(), false));
    KfpRecurringRun theirs =
        client
            .recurringRuns()
            .create(
                withOwner(newRun("same-name", nightly, version, cron(), false), "someone-else"));

    assertThat(client.pipelines().list(NAMESPACE))
        .extracting(KfpPipeline::name)
        .containsExactlyInAnyOrder("train", other.name());
    assertThat(client.experiments().list(NAMESPACE))
        .contains(nightly, weekly)
        .extracting(KfpExperiment::name)
        .containsOnly("Default", "nightly", "weekly");
    assertThat(client.recurringRuns().list(NAMESPACE)).containsExactlyInAnyOrder(ours, theirs);
  }

  @Test
  void aListingSkipsARecordKfpCannotConvertAndKeepsTheRest() {
    KfpPipelineVersion version = uploadVersion(upload("train"), "v2");
    KfpExperiment nightly = experiment("nightly");
    KfpRecurringRun kept =
        client.recurringRuns().create(newRun("kept", nightly, version, cron(), false));
    KfpRecurringRun broken =
        client.recurringRuns().create(newRun("broken", nightly, version, cron(), false));

    kfp.breakRecurringRun(broken.id());

    assertThat(client.recurringRuns().list(NAMESPACE)).containsExactly(kept);
    assertThat(client.recurringRuns().findOwnedBy(NAMESPACE, owner("kept"))).containsExactly(kept);
  }

  @Test
  void disablingAndEnablingARecurringRunFlipsOnlyItsState() {
    KfpRecurringRun run = recurringRun("nightly-train", cron());

    client.recurringRuns().setEnabled(run.id(), false);
    KfpRecurringRun disabled = client.recurringRuns().get(run.id());
    client.recurringRuns().setEnabled(run.id(), true);
    KfpRecurringRun enabled = client.recurringRuns().get(run.id());

    assertThat(disabled.enabled()).isFalse();
    assertThat(enabled.enabled()).isTrue();
    assertThat(enabled.id()).isEqualTo(run.id());
    assertThat(enabled.trigger()).isEqualTo(run.trigger());
  }

  @Test
  void aDeletedRecurringRunIsNotFoundAnyMore() {
    KfpRecurringRun run = recurringRun("nightly-train", cron());

    client.recurringRuns().delete(run.id());

    assertThatThrownBy(() -> client.recurringRuns().get(run.id())).isInstanceOf(KfpNotFound.class);
    assertThat(client.recurringRuns().findOwnedBy(NAMESPACE, owner("nightly-train"))).isEmpty();
  }

  @Test
  void recentRunsAreTheNewestRunsTheScheduleStarted() {
    KfpTrigger hourly =
        new KfpTrigger.Periodic(Duration.ofHours(1), Optional.empty(), Optional.empty());
    KfpRecurringRun run = recurringRun("hourly-train", hourly);
    KfpRecurringRun other =
        client
            .recurringRuns()
            .create(
                withOwner(
                    newRun(
                        "other-train",
                        client.experiments().get(run.experimentId()),
                        client.versions().get(run.pipelineId(), run.pipelineVersionId()),
                        hourly,
                        true),
                    "other-train"));
    for (int hour = 0; hour < 4; hour++) {
      kfp.advanceClock(Duration.ofHours(1));
    }

    List<KfpRun> recent = client.recurringRuns().recentRuns(run, 3);

    assertThat(kfp.startedRuns()).extracting(StartedRun::recurringRunId).contains(other.id());
    assertThat(recent).hasSize(3).allMatch(r -> r.recurringRunId().equals(run.id()));
    assertThat(recent.get(0).createdAt()).isAfter(recent.get(1).createdAt());
    assertThat(recent.get(1).state()).isEqualTo(KfpRunState.SUCCEEDED);
    assertThat(recent.get(1).finishedAt()).isPresent();
  }

  @Test
  void theRunsOfARecurringRunGetItsParameters() {
    KfpTrigger hourly =
        new KfpTrigger.Periodic(Duration.ofHours(1), Optional.empty(), Optional.empty());
    KfpRecurringRun run = recurringRun("hourly-train", hourly);

    kfp.advanceClock(Duration.ofHours(2));

    Map<String, JsonElement> expected = new LinkedHashMap<>();
    expectedParameters().forEach((name, value) -> expected.put(name, GSON.toJsonTree(value)));
    assertThat(kfp.startedRuns())
        .filteredOn(started -> started.recurringRunId().equals(run.id()))
        .isNotEmpty()
        .allSatisfy(started -> assertThat(started.parameters()).isEqualTo(expected));
  }

  @Test
  void aRecurringRunWithAnUnknownParameterOrBadScheduleIsRejected() {
    KfpPipelineVersion version = uploadVersion(upload("train"), "v2");
    KfpExperiment experiment = experiment("nightly");
    NewRecurringRun good = newRun("r", experiment, version, cron(), true);
    Map<String, Object> unknown = new java.util.HashMap<>(parameters());
    unknown.put("no_such_input", "x");
    KfpTrigger badCron = new KfpTrigger.Cron("every tuesday", Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> client.recurringRuns().create(withParameters(good, unknown)))
        .isInstanceOf(KfpRejected.class);
    assertThatThrownBy(
            () -> client.recurringRuns().create(newRun("r", experiment, version, badCron, true)))
        .isInstanceOf(KfpRejected.class);
    assertThat(client.recurringRuns().findByName(NAMESPACE, "r")).isEmpty();
  }

  @Test
  void readsAreRetriedWhileKfpIsUnavailableAndWritesAreNot() {
    kfp.log().clear();
    kfp.faults().add(FaultRule.serverErrors(null, "/apis/.*/experiments.*", 1.0));

    assertThatThrownBy(() -> client.experiments().findByName(NAMESPACE, "x"))
        .isInstanceOf(KfpUnavailable.class);
    assertThatThrownBy(() -> experiment("x")).isInstanceOf(KfpUnavailable.class);

    assertThat(kfp.log().entries())
        .extracting(LoggedRequest::method, LoggedRequest::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", 503),
            org.assertj.core.groups.Tuple.tuple("GET", 503),
            org.assertj.core.groups.Tuple.tuple("GET", 503),
            org.assertj.core.groups.Tuple.tuple("GET", 503),
            org.assertj.core.groups.Tuple.tuple("POST", 503));
    assertThat(waits).hasSize(3);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundByItsOwnerAfterwards() {
    kfp.faults().add(FaultRule.dropAfterCommit("POST", "/apis/.*/experiments", 1.0));

    assertThatThrownBy(() -> experiment("nightly")).isInstanceOf(KfpUnavailable.class);
    kfp.faults().clear();

    assertThat(client.experiments().findOwnedBy(NAMESPACE, owner("nightly"))).hasSize(1);
  }

  @Test
  void theNextCallAfterTheTokenFileChangesUsesTheNewToken() throws IOException {
    client.health().check();
    kfp.faults().expireToken("token-1");

    Files.writeString(token, "token-2-rotated");
    client.experiments().findByName(NAMESPACE, "x");

    assertThat(kfp.log().entries()).extracting(LoggedRequest::status).containsOnly(200);
  }

  @Test
  void aTokenRejectedWithoutAVisibleChangeIsReadAgainAndTheCallRepeated() throws IOException {
    client.health().check();
    kfp.faults().expireToken("token-1");
    FileTime unchanged = Files.getLastModifiedTime(token);
    Files.writeString(token, "token-2");
    Files.setLastModifiedTime(token, unchanged);

    KfpExperiment experiment = experiment("nightly");

    assertThat(experiment.name()).isEqualTo("nightly");
    assertThat(kfp.log().entries())
        .extracting(LoggedRequest::method, LoggedRequest::status)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("POST", 401),
            org.assertj.core.groups.Tuple.tuple("POST", 200));
    assertThat(client.experiments().findByName(NAMESPACE, "nightly")).contains(experiment);
  }

  @Test
  void anExpiredTokenThatIsNotReplacedIsUnauthorized() {
    kfp.faults().expireToken("token-1");

    assertThatThrownBy(() -> client.experiments().findByName(NAMESPACE, "x"))
        .isInstanceOf(KfpUnauthorized.class)
        .satisfies(e -> assertThat(((KfpException) e).httpStatus()).isEqualTo(401));
  }

  @Test
  void multiUserKfpAcceptsTheUserIdHeaderAndRefusesCallsWithoutIdentity() {
    try (KfpEmulator multiUser = KfpEmulator.builder().release(release).multiUser(true).start();
        KfpClient anonymous = connect(KfpEndpoint.of(multiUser.url()));
        KfpClient alice =
            connect(KfpEndpoint.of(multiUser.url()).withUserId("alice@example.com"))) {

      assertThatThrownBy(() -> anonymous.experiments().findByName("team-a", "x"))
          .isInstanceOf(KfpUnauthorized.class);
      assertThat(alice.experiments().findByName("team-a", "x")).isEmpty();
      assertThat(alice.health().check().multiUser()).isTrue();
    }
  }

  @Test
  void multiUserKfpKeepsExperimentsAndPipelinesInTheirNamespace() {
    try (KfpEmulator multiUser = KfpEmulator.builder().release(release).multiUser(true).start();
        KfpClient alice =
            connect(KfpEndpoint.of(multiUser.url()).withUserId("alice@example.com"))) {
      KfpExperiment experiment =
          alice.experiments().create(new NewExperiment("team-a", "nightly", "", owner("nightly")));
      KfpPipeline pipeline =
          alice
              .pipelines()
              .upload(
                  new NewPipeline("team-a", "train", "train", "", owner("train")), packageText());

      assertThat(experiment.namespace()).isEqualTo("team-a");
      assertThat(alice.experiments().findByName("team-a", "nightly")).contains(experiment);
      assertThat(alice.experiments().findByName("team-b", "nightly")).isEmpty();
      assertThat(alice.pipelines().findOwnedBy("team-a", owner("train"))).containsExactly(pipeline);
      assertThat(alice.pipelines().findByName("team-b", "train")).isEmpty();
    }
  }

  private KfpEndpoint endpoint() {
    return KfpEndpoint.of(kfp.url()).withTokenFile(token).withPageSize(2);
  }

  private KfpClient connect(KfpEndpoint endpoint) {
    return connect(endpoint, waits::add);
  }

  /** Opens the client under test; the sleeper records the waits between read retries. */
  protected KfpClient connect(KfpEndpoint endpoint, Sleeper sleeper) {
    return new KfpConnector(sleeper).connect(endpoint, Optional.of(api()));
  }

  private static OwnerMark owner(String name) {
    return new OwnerMark("team-a", name, "uid-" + name);
  }

  private KfpPipeline upload(String name) {
    return client
        .pipelines()
        .upload(
            new NewPipeline(NAMESPACE, name, name, "Trains a model", owner(name)), packageText());
  }

  private KfpPipelineVersion uploadVersion(KfpPipeline pipeline, String name) {
    return client
        .versions()
        .upload(
            new NewPipelineVersion(
                pipeline.id(), name, name, "Version " + name, owner(name), packageText()));
  }

  private KfpExperiment experiment(String name) {
    return client
        .experiments()
        .create(new NewExperiment(NAMESPACE, name, "Nightly runs", owner(name)));
  }

  private KfpRecurringRun recurringRun(String name, KfpTrigger trigger) {
    KfpPipelineVersion version = uploadVersion(upload("train"), "v2");
    return client
        .recurringRuns()
        .create(newRun(name, experiment("nightly"), version, trigger, true));
  }

  private NewRecurringRun newRun(
      String name,
      KfpExperiment experiment,
      KfpPipelineVersion version,
      KfpTrigger trigger,
      boolean enabled) {
    return new NewRecurringRun(
        name,
        "Runs nightly",
        owner(name),
        experiment.id(),
        version.pipelineId(),
        version.id(),
        trigger,
        parameters(),
        3,
        true,
        enabled,
        "");
  }

  private static NewRecurringRun withOwner(NewRecurringRun run, String ownerName) {
    return new NewRecurringRun(
        run.name(),
        run.description(),
        owner(ownerName),
        run.experimentId(),
        run.pipelineId(),
        run.pipelineVersionId(),
        run.trigger(),
        run.parameters(),
        run.maxConcurrency(),
        run.noCatchup(),
        run.enabled(),
        run.serviceAccount());
  }

  private static NewRecurringRun withParameters(NewRecurringRun run, Map<String, Object> values) {
    return new NewRecurringRun(
        run.name(),
        run.description(),
        run.owner(),
        run.experimentId(),
        run.pipelineId(),
        run.pipelineVersionId(),
        run.trigger(),
        values,
        run.maxConcurrency(),
        run.noCatchup(),
        run.enabled(),
        run.serviceAccount());
  }

  private Map<String, Object> parameters() {
    return contractPackage().parameters();
  }

  /** The parameters as KFP gives them back and as its runs get them. */
  private Map<String, Object> expectedParameters() {
    return contractPackage().asKfpHasThem();
  }

  private static KfpTrigger cron() {
    return new KfpTrigger.Cron("0 30 2 * * *", Optional.empty(), Optional.empty());
  }

  private String packageText() {
    try (InputStream in =
        getClass().getResourceAsStream("/kfp-packages/" + contractPackage().file())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
