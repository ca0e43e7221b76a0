package com.jackhoman.kfp.releaser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonElement;
import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;
import com.jackhoman.kfp.releaser.emulator.StartedRun;
import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.packages.PackageFormat;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user of the KFP release under test ({@code -Dkfp.test.release}; the pom runs this class
 * once per release profile) sees: the original demos (whalesay, is-palindrome: Argo workflows) and
 * the KFP v2 examples sync where the release keeps their format and say why where it does not,
 * every run gets the parameters of its manifest, a schedule edit hands over, and deleting
 * everything leaves KFP as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KfpReleaseIT {

  private static final List<String> ARGO_EXAMPLES = List.of("whalesay", "is-palindrome");
  private static final List<String> PIPELINE_SPEC_EXAMPLES =
      List.of("typed-inputs", "lucky-number", "secret-env");

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR = OperatorUnderTest.over(TestKfp.emulator().start());

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "Pipeline", Pipeline.class,
          "PipelineVersion", PipelineVersion.class,
          "Experiment", Experiment.class,
          "RecurringRun", RecurringRun.class);

  private static final KfpFeatures FEATURES = OPERATOR.kfpClient().features();
  private static final List<HasMetadata> APPLIED = new ArrayList<>();

  @Test
  @Order(1)
  void theReleaseIsTheOneUnderTest() {
    assertThat(OPERATOR.kfp().release()).isEqualTo(TestKfp.RELEASE);
    assertThat(FEATURES.release()).isEqualTo(TestKfp.RELEASE.tagName());
    assertThat(FEATURES.kubernetesStore())
        .isEqualTo(TestKfp.RELEASE == ReleaseProfile.KFP_2_17_0_KUBERNETES_STORE);
  }

  @Test
  @Order(2)
  void everyExampleSyncsWhereTheReleaseKeepsItsFormatAndSaysWhyWhereNot() {
    Stream.concat(ARGO_EXAMPLES.stream(), PIPELINE_SPEC_EXAMPLES.stream())
        .forEach(example -> APPLIED.addAll(apply(example)));

    for (HasMetadata object : APPLIED) {
      boolean formatKept =
          ARGO_EXAMPLES.contains(exampleOf(object)) ? argoKept() : pipelineSpecKept();
      // v1beta1 (all KFP 1.8 has) creates a pipeline only with its first package
      boolean kept =
          formatKept
              || (object instanceof Pipeline && FEATURES.servesV2())
              || object instanceof Experiment;
      if (kept) {
        awaitReady(object, "True");
      } else if (object instanceof PipelineVersion) {
        Condition refused = awaitReady(object, "False");
        assertThat(refused.getReason()).isEqualTo("UnsupportedByKfp");
        assertThat(refused.getMessage()).contains("KFP " + FEATURES.release(), "compile");
      } else {
        assertThat(awaitReady(object, "False").getReason())
            .as("%s %s", object.getKind(), name(object))
            .isEqualTo("Waiting");
      }
    }
  }

  @Test
  @Order(3)
  void everyRunGetsTheParametersOfItsManifest() {
    OPERATOR.kfp().advanceClock(Duration.ofDays(1));

    List<RecurringRun> scheduled =
        APPLIED.stream()
            .filter(RecurringRun.class::isInstance)
            .map(RecurringRun.class::cast)
            .filter(run -> !Boolean.TRUE.equals(run.getSpec().getSuspend()))
            .filter(run -> kept(run))
            .toList();
    assertThat(scheduled).isNotEmpty();
    for (RecurringRun run : scheduled) {
      String id =
          EXTENSION.get(RecurringRun.class, run.getMetadata().getName()).getStatus().getId();
      List<StartedRun> started =
          OPERATOR.kfp().startedRuns().stream().filter(r -> r.recurringRunId().equals(id)).toList();
      assertThat(started).as(run.getMetadata().getName()).isNotEmpty();
      started.forEach(
          r ->
              assertThat(asText(r.parameters()))
                  .as("the parameters run %s of %s got", r.runId(), run.getMetadata().getName())
                  .containsAllEntriesOf(manifestParameters(run)));
    }
  }

  @Test
  @Order(4)
  void aScheduleEditHandsOverToOneNewRecurringRun() {
    String name = argoKept() ? "is-palindrome-hourly" : "functions-nightly";
    String oldId = EXTENSION.get(RecurringRun.class, name).getStatus().getId();

    await() // the operator writes status meanwhile: a replace from an older copy is a conflict
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              RecurringRun edited = EXTENSION.get(RecurringRun.class, name);
              edited.getSpec().getSchedule().setCron("15 4 * * *");
              return EXTENSION.replace(edited) != null;
            });

    String newId =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  RecurringRun now = EXTENSION.get(RecurringRun.class, name);
                  boolean synced =
                      ReadyCondition.of(now).filter(c -> "Synced".equals(c.getReason())).isPresent()
                          && now.getStatus()
                              .getObservedGeneration()
                              .equals(now.getMetadata().getGeneration());
                  return synced ? now.getStatus().getId() : null;
                },
                id -> id != null && !id.equals(oldId));
    KfpRecurringRun current = OPERATOR.kfpClient().recurringRuns().get(newId);
    assertThat(current.enabled()).isTrue();
    assertThat(current.trigger().toString()).contains("0 15 4 * * *");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              try {
                OPERATOR.kfpClient().recurringRuns().get(oldId);
                throw new AssertionError("the old KFP recurring run " + oldId + " is still there");
              } catch (KfpNotFound gone) {
                // handed over
              }
            });
  }

  @Test
  @Order(5)
  void deletingEverythingLeavesKfpAsItWas() {
    APPLIED.forEach(EXTENSION::delete);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(APPLIED).allMatch(o -> EXTENSION.get(o.getClass(), name(o)) == null);
              assertThat(OPERATOR.kfp().inventory())
                  .filteredOn(
                      row -> !row.kind().equals("Experiment") || !row.name().equals("Default"))
                  .extracting(KfpObjectRow::kind, KfpObjectRow::name)
                  .isEmpty();
            });
  }

  private static boolean argoKept() {
    return FEATURES.cannotKeep(PackageFormat.ARGO_WORKFLOW).isEmpty();
  }

  private static boolean pipelineSpecKept() {
    return FEATURES.cannotKeep(PackageFormat.PIPELINE_SPEC).isEmpty();
  }

  private static boolean kept(RecurringRun run) {
    return ARGO_EXAMPLES.contains(exampleOf(run)) ? argoKept() : pipelineSpecKept();
  }

  /** The example folder an applied object came from, kept in a label. */
  private static String exampleOf(HasMetadata object) {
    return object.getMetadata().getLabels().get("test/example");
  }

  private static List<HasMetadata> apply(String example) {
    List<HasMetadata> created = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("examples", example))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode document :
            YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
          HasMetadata object =
              Serialization.jsonMapper()
                  .treeToValue(document, KINDS.get(document.path("kind").asText()));
          object.getMetadata().setLabels(Map.of("test/example", example));
          created.add(EXTENSION.create(object));
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return created;
  }

  private static Condition awaitReady(HasMetadata object, String status) {
    return ReadyCondition.await(
        EXTENSION, object.getClass(), name(object), c -> status.equals(c.getStatus()));
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  /** The parameters the manifest gives, each as the text of its value. */
  private static Map<String, String> manifestParameters(RecurringRun run) {
    Map<String, String> given = new LinkedHashMap<>();
    JsonNode parameters = Serialization.jsonMapper().valueToTree(run.getSpec()).path("parameters");
    parameters.forEach(p -> given.put(p.path("name").asText(), text(p.path("value"))));
    return given;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** A run's parameters, each as the text of its value. */
  private static Map<String, String> asText(Map<String, JsonElement> parameters) {
    Map<String, String> texts = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) ->
            texts.put(
                name,
                value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                    ? value.getAsString()
                    : value.toString()));
    return texts;
  }
}
