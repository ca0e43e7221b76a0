package com.jackhoman.kfp.releaser.kfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that come from custom resources reach KFP exactly as written, whatever characters they
 * hold: every client call that puts one into a path, a query or a list filter is run with names
 * full of URL syntax, quotes and non-ASCII text, on both REST generations, and the emulator must
 * store, find and return exactly that value and nothing else.
 */
class AwkwardNamesRoundTripTest {

  /** URL syntax, filter JSON syntax, SQL LIKE wildcards, spaces and non-ASCII text. */
  private static final List<String> AWKWARD =
      List.of(
          "a/b?c%\"d'e",
          "hash#tag & amp=1",
          "plus+sign%2Fencoded",
          "back\\slash \"quoted\" 'single'",
          "unicode ünïcødé ✓ 日本",
          "like_wild%card",
          "../../experiments");

  private KfpEmulator kfp;
  private KfpClient client;

  static Stream<Arguments> apisAndNames() {
    return Stream.of(KfpApiVersion.values())
        .flatMap(api -> AWKWARD.stream().map(name -> Arguments.of(api, name)));
  }

  @AfterEach
  void stopKfp() {
    if (client != null) {
      client.close();
    }
    if (kfp != null) {
      kfp.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apisAndNames")
  void aPipelineAndItsVersionAreStoredAndFoundUnderTheExactName(KfpApiVersion api, String name) {
    connect(api);
    KfpPipeline decoy = upload(api, "decoy", "plain");
    KfpPipeline pipeline = upload(api, name, "About " + name);

    assertThat(pipeline.name()).isEqualTo(name);
    assertThat(pipeline.description()).isEqualTo("About " + name);
    assertThat(kfp.inventory())
        .extracting(KfpObjectRow::name)
        .contains(name)
        .noneMatch(stored -> decoyNamesOf(name).contains(stored));
    assertThat(client.pipelines().findByName("", name)).contains(pipeline);
    assertThat(client.pipelines().findByName("", "decoy")).contains(decoy);
    assertThat(client.pipelines().findByName("", name + "x")).isEmpty();
    assertThat(client.pipelines().findOwnedBy("", owner(name))).containsExactly(pipeline);

    KfpPipelineVersion version =
        client
            .versions()
            .upload(
                new NewPipelineVersion(
                    pipeline.id(),
                    name + " v2",
                    name,
                    "Version " + name,
                    owner(name + "-v"),
                    packageOf(api)));
    assertThat(version.name()).isEqualTo(name + " v2");
    assertThat(client.versions().findByName(pipeline.id(), name + " v2")).contains(version);
    assertThat(client.versions().findByName(pipeline.id(), name)).isPresent();
    assertThat(client.versions().findByName(decoy.id(), name + " v2")).isEmpty();
    assertThat(client.versions().get(pipeline.id(), version.id())).isEqualTo(version);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apisAndNames")
  void anExperimentAndARecurringRunAreStoredAndFoundUnderTheExactName(
      KfpApiVersion api, String name) {
    connect(api);
    KfpPipeline pipeline = upload(api, "train", "plain");
    KfpPipelineVersion version = client.versions().list(pipeline.id()).get(0);
    client.experiments().create(new NewExperiment("", "decoy", "plain", owner("decoy")));

    KfpExperiment experiment =
        client.experiments().create(new NewExperiment("", name, "About " + name, owner(name)));

    assertThat(experiment.name()).isEqualTo(name);
    assertThat(client.experiments().findByName("", name)).contains(experiment);
    assertThat(client.experiments().findByName("", name + "x")).isEmpty();
    assertThat(client.experiments().findOwnedBy("", owner(name))).containsExactly(experiment);

    KfpRecurringRun run =
        client
            .recurringRuns()
            .create(
                new NewRecurringRun(
                    name,
                    "About " + name,
                    owner(name),
                    experiment.id(),
                    version.pipelineId(),
                    version.id(),
                    new KfpTrigger.Cron("0 30 2 * * *", Optional.empty(), Optional.empty()),
                    parametersOf(api),
                    1,
                    true,
                    true,
                    ""));

    assertThat(run.name()).isEqualTo(name);
    assertThat(client.recurringRuns().findByName("", name)).containsExactly(run);
    assertThat(client.recurringRuns().findByName("", name + "x")).isEmpty();
    assertThat(client.recurringRuns().findOwnedBy("", owner(name))).containsExactly(run);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("apisAndNames")
  void anIdHoldingUrlSyntaxNamesNoOtherObject(KfpApiVersion api, String name) {
    connect(api);
    KfpPipeline pipeline = upload(api, "train", "plain");
    KfpExperiment experiment =
        client.experiments().create(new NewExperiment("", "nightly", "", owner("nightly")));
    String sneaky = name + "/../../experiments/" + experiment.id();

    assertThatThrownBy(() -> client.pipelines().get(sneaky)).isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.experiments().get(pipeline.id() + "/" + name))
        .isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.recurringRuns().delete(sneaky)).isInstanceOf(KfpNotFound.class);
    assertThatThrownBy(() -> client.versions().get(sneaky, sneaky)).isInstanceOf(KfpNotFound.class);
    assertThat(client.experiments().get(experiment.id())).isEqualTo(experiment);
    assertThat(client.pipelines().get(pipeline.id())).isEqualTo(pipeline);
  }

  private void connect(KfpApiVersion api) {
    kfp = KfpEmulator.builder().start();
    client =
        new KfpConnector(Sleeper.system()).connect(KfpEndpoint.of(kfp.url()), Optional.of(api));
  }

  private KfpPipeline upload(KfpApiVersion api, String name, String description) {
    return client
        .pipelines()
        .upload(new NewPipeline("", name, name, description, owner(name)), packageOf(api));
  }

  /** Names a broken encoding would store instead: cut at URL syntax, or decoded once too often. */
  private static List<String> decoyNamesOf(String name) {
    return Stream.of(name.split("[?#&]")[0], name.replace("+", " "), name.replace("%2F", "/"))
        .filter(cut -> !cut.equals(name))
        .toList();
  }

  private static OwnerMark owner(String name) {
    return new OwnerMark("team-a", "owner-" + Math.abs(name.hashCode()), "uid-" + name.length());
  }

  private static Map<String, Object> parametersOf(KfpApiVersion api) {
    return api == KfpApiVersion.V1BETA1
        ? Map.of("tag", "v1.2", "sleep_ms", 20L)
        : Map.of(
            "first_message", "a", "first_number", 1L, "second_message", "b", "second_number", 2L);
  }

  private static String packageOf(KfpApiVersion api) {
    String file =
        api == KfpApiVersion.V1BETA1
            ? "pipelineparams.yaml"
            : "lightweight_python_functions_with_outputs.yaml";
    try (InputStream in =
        AwkwardNamesRoundTripTest.class.getResourceAsStream("/kfp-packages/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
