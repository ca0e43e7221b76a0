package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jackhoman.kfp.releaser.BadInputCase;
import com.jackhoman.kfp.releaser.BadInputCase.Outcome;
import com.jackhoman.kfp.releaser.OperatorUnderTest;
import com.jackhoman.kfp.releaser.ReadyCondition;
import com.jackhoman.kfp.releaser.ShippedOperatorExtension;
import com.jackhoman.kfp.releaser.api.v1alpha1.Pipeline;
import com.jackhoman.kfp.releaser.api.v1alpha1.PipelineVersion;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import com.jackhoman.kfp.releaser.status.Reason;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus against one running operator: every case in its own namespace, its
 * prerequisites applied and settled first, then all objects under test at once. Each ends as its
 * {@code expect.yaml} says (refused at apply, a Ready=False condition, or Ready), the invalid ones
 * without a single KFP write, and none of them reconciled in a loop or flapping afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {

  /** Short, so that the observation window sees the periodic re-checks a settled object gets. */
  private static final Duration DRIFT_PERIOD = Duration.ofSeconds(4);

  /** How long settled objects are watched for reconcile loops and status flaps. */
  private static final Duration WINDOW = Duration.ofSeconds(10);

  /**
   * The most reconciles a settled object may get in the window: its periodic re-checks (the drift
   * period shortened by the 10% jitter) and two more for events of neighbours. A hot loop makes
   * hundreds.
   */
  private static final long MAX_RECONCILES_IN_WINDOW =
      (long) Math.ceil(WINDOW.toMillis() / (DRIFT_PERIOD.toMillis() * 0.9)) + 2;

  private static final ReconcileCounter RECONCILES = new ReconcileCounter();

  private static final List<String> KINDS =
      List.of("Pipeline", "PipelineVersion", "Experiment", "RecurringRun");

  @RegisterExtension
  @Order(1)
  static final OperatorUnderTest OPERATOR =
      OperatorUnderTest.asDeployed(KfpEmulator.builder().start(), DRIFT_PERIOD, RECONCILES);

  @RegisterExtension
  @Order(2)
  static final ShippedOperatorExtension EXTENSION = OPERATOR.extension();

  private final List<BadInputCase> cases = BadInputCase.all();

  /** Each case's documents, read (and enlarged) once. */
  private final Map<String, List<ObjectNode>> documents =
      cases.stream().collect(Collectors.toMap(BadInputCase::name, BadInputCase::documents));

  private final Map<String, String> refusals = new HashMap<>();
  private final Map<String, Settled> beforeWindow = new HashMap<>();
  private final Map<String, Settled> afterWindow = new HashMap<>();
  private final Set<String> namespaces = new LinkedHashSet<>();

  /** Every object of our kinds as last read, by {@code kind/namespace/name}. */
  private Map<String, GenericKubernetesResource> stored = Map.of();

  private List<LoggedRequest> writesOfInvalidObjects = List.of();

  /** An object under test as seen at one moment. */
  private record Settled(
      Optional<Condition> ready, String resourceVersion, long reconciles, long failures) {}

  @BeforeAll
  void applyTheCorpus() {
    for (BadInputCase badInput : cases) {
      applyPrerequisites(badInput);
    }
    awaitQuietly(Duration.ofSeconds(40), this::prerequisitesSettled);
    for (BadInputCase badInput : cases) {
      deleteFirst(badInput);
    }
    awaitQuietly(Duration.ofSeconds(20), this::deletionsHeld);

    int logged = OPERATOR.kfp().log().entries().size();
    for (BadInputCase badInput : cases) {
      if (badInput.outcome() != Outcome.ready) {
        applyObjectUnderTest(badInput);
      }
    }
    awaitQuietly(Duration.ofSeconds(30), this::objectsUnderTestSettled);
    readAll();
    for (BadInputCase badInput : cases) {
      beforeWindow.put(badInput.name(), observe(badInput));
    }
    sleep(WINDOW);
    readAll();
    for (BadInputCase badInput : cases) {
      afterWindow.put(badInput.name(), observe(badInput));
    }
    List<LoggedRequest> entries = OPERATOR.kfp().log().entries();
    writesOfInvalidObjects =
        entries.subList(logged, entries.size()).stream().filter(LoggedRequest::isWrite).toList();
  }

  @AfterAll
  void deleteTheCaseNamespaces() {
    for (String namespace : namespaces) {
      client().namespaces().withName(namespace).delete();
    }
  }

  List<BadInputCase> cases() {
    return cases;
  }

  @Test
  void corpusHasAtLeastFiftyCasesOfEveryOutcome() {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
    assertThat(cases).extracting(BadInputCase::outcome).contains(Outcome.values());
  }

  @Test
  void invalidObjectsMadeNoKfpWrite() {
    assertThat(writesOfInvalidObjects).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void objectEndsAsExpectedWithoutKfpWriteLoopOrFlap(BadInputCase badInput) {
    Settled before = beforeWindow.get(badInput.name());
    Settled after = afterWindow.get(badInput.name());
    switch (badInput.outcome()) {
      case rejected -> {
        assertThat(refusals).as(badInput.description()).containsKey(badInput.name());
        assertThat(refusals.get(badInput.name())).contains(badInput.messageContains());
        assertThat(objectUnderTest(badInput)).isEmpty();
      }
      case condition -> {
        Condition ready = after.ready().orElseThrow(() -> new AssertionError("no Ready condition"));
        assertThat(ready.getStatus()).as(badInput.description() + ": " + ready).isEqualTo("False");
        assertThat(ready.getReason())
            .as(ready.toString())
            .isEqualTo(badInput.reason().orElseThrow());
        assertThat(ready.getMessage()).contains(badInput.messageContains());
        assertThat(ownedInKfp(badInput)).isEmpty();
        assertThat(after.failures()).as("failed reconciles").isZero();
        assertThat(after.reconciles() - before.reconciles())
            .as("reconciles in %s after it settled", WINDOW)
            .isLessThanOrEqualTo(MAX_RECONCILES_IN_WINDOW);
        assertThat(after.resourceVersion())
            .as("no write to the object after it settled")
            .isEqualTo(before.resourceVersion());
      }
      case ready -> {
        Condition ready = after.ready().orElseThrow(() -> new AssertionError("no Ready condition"));
        assertThat(ready.getStatus()).as(badInput.description() + ": " + ready).isEqualTo("True");
        assertThat(ownedInKfp(badInput)).isNotEmpty();
        assertThat(after.failures()).as("failed reconciles").isZero();
      }
      default -> throw new IllegalStateException("unknown outcome " + badInput.outcome());
    }
  }

  @Test
  void versionOfAPipelineBeingDeletedSaysSoAndLetsThePipelineGoOnceDeletedToo() {
    EXTENSION.create(
        Serialization.unmarshal(
            """
            apiVersion: kfp.jackhoman.com/v1alpha1
            kind: Pipeline
            metadata: {name: leaving}
            spec: {description: Goes away while a new version arrives.}
            """,
            Pipeline.class));
    EXTENSION.create(version("leaving-v1"));
    ReadyCondition.await(EXTENSION, PipelineVersion.class, "leaving-v1", c -> isTrue(c));
    EXTENSION.delete(EXTENSION.get(Pipeline.class, "leaving"));
    ReadyCondition.await(
        EXTENSION, Pipeline.class, "leaving", c -> Reason.Deleting.name().equals(c.getReason()));

    EXTENSION.create(version("leaving-v2"));
    Condition waiting =
        ReadyCondition.await(
            EXTENSION,
            PipelineVersion.class,
            "leaving-v2",
            c -> Reason.Waiting.name().equals(c.getReason()));
    assertThat(waiting.getMessage()).contains("Pipeline \"leaving\"", "is being deleted");

    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "leaving-v2"));
    EXTENSION.delete(EXTENSION.get(PipelineVersion.class, "leaving-v1"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                EXTENSION.get(Pipeline.class, "leaving") == null
                    && EXTENSION.get(PipelineVersion.class, "leaving-v2") == null);
    assertThat(OPERATOR.kfp().inventory())
        .noneMatch(row -> row.name().equals(EXTENSION.getNamespace() + "/leaving"));
  }

  private static PipelineVersion version(String name) {
    return Serialization.unmarshal(
        """
        apiVersion: kfp.jackhoman.com/v1alpha1
        kind: PipelineVersion
        metadata: {name: %s}
        spec:
          pipeline: leaving
          workflow:
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: leaving-}
            spec:
              entrypoint: main
              templates:
              - name: main
                container: {image: python:3.11, command: [python, -c, "print('%s')"]}
        """
            .formatted(name, name),
        PipelineVersion.class);
  }

  private void applyPrerequisites(BadInputCase badInput) {
    for (ObjectNode document : documents.get(badInput.name())) {
      if (!badInput.isObjectUnderTest(document) || badInput.outcome() == Outcome.ready) {
        apply(badInput, document);
      }
    }
  }

  private void applyObjectUnderTest(BadInputCase badInput) {
    try {
      apply(badInput, badInput.objectUnderTest(documents.get(badInput.name())));
    } catch (KubernetesClientException refused) {
      refusals.put(badInput.name(), refused.getMessage());
    }
  }

  private void apply(BadInputCase badInput, ObjectNode document) {
    String namespace = namespaceOf(badInput, document);
    if (namespaces.add(namespace)) {
      client()
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    ObjectNode placed = document.deepCopy();
    ((ObjectNode) placed.with("metadata")).put("namespace", namespace);
    GenericKubernetesResource resource =
        Serialization.jsonMapper().convertValue(placed, GenericKubernetesResource.class);
    client()
        .genericKubernetesResources(context(document.path("kind").asText()))
        .inNamespace(namespace)
        .resource(resource)
        .fieldValidation(FieldValidateable.Validation.STRICT)
        .create();
  }

  private void deleteFirst(BadInputCase badInput) {
    for (String object : badInput.deleteFirst()) {
      String[] kindAndName = object.split("/", 2);
      client()
          .genericKubernetesResources(context(kindAndName[0]))
          .inNamespace(caseNamespace(badInput))
          .withName(kindAndName[1])
          .delete();
    }
  }

  private boolean prerequisitesSettled() {
    for (BadInputCase badInput : cases) {
      for (ObjectNode document : documents.get(badInput.name())) {
        boolean applied =
            !badInput.isObjectUnderTest(document) || badInput.outcome() == Outcome.ready;
        if (applied && !hasSettled(get(badInput, document), this::settledCondition)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean deletionsHeld() {
    return cases.stream()
        .flatMap(badInput -> badInput.deleteFirst().stream().map(o -> Map.entry(badInput, o)))
        .allMatch(
            entry -> {
              String[] kindAndName = entry.getValue().split("/", 2);
              return hasSettled(
                  get(kindAndName[0], caseNamespace(entry.getKey()), kindAndName[1]),
                  c -> Reason.Deleting.name().equals(c.getReason()));
            });
  }

  private boolean objectsUnderTestSettled() {
    return cases.stream()
        .filter(badInput -> badInput.outcome() == Outcome.condition)
        .allMatch(
            badInput ->
                hasSettled(
                    objectUnderTest(badInput),
                    c -> badInput.reason().orElseThrow().equals(c.getReason())));
  }

  private boolean settledCondition(Condition ready) {
    return isTrue(ready)
        || Reason.Deleting.name().equals(ready.getReason())
        || Reason.valueOf(ready.getReason()).terminal();
  }

  private static boolean hasSettled(
      Optional<GenericKubernetesResource> object, Predicate<Condition> settled) {
    return object
        .filter(BadInputCorpusIT::observedItsGeneration)
        .flatMap(ReadyCondition::of)
        .filter(settled)
        .isPresent();
  }

  private Settled observe(BadInputCase badInput) {
    Optional<GenericKubernetesResource> object = objectUnderTest(badInput);
    String namespace =
        namespaceOf(badInput, badInput.objectUnderTest(documents.get(badInput.name())));
    return new Settled(
        object.flatMap(ReadyCondition::of),
        object.map(o -> o.getMetadata().getResourceVersion()).orElse(""),
        RECONCILES.started(badInput.kind(), namespace, badInput.objectName()),
        RECONCILES.failed(badInput.kind(), namespace, badInput.objectName()));
  }

  private Optional<GenericKubernetesResource> objectUnderTest(BadInputCase badInput) {
    return get(badInput, badInput.objectUnderTest(documents.get(badInput.name())));
  }

  private Optional<GenericKubernetesResource> get(BadInputCase badInput, JsonNode document) {
    return get(
        document.path("kind").asText(),
        namespaceOf(badInput, document),
        document.path("metadata").path("name").asText());
  }

  private Optional<GenericKubernetesResource> get(String kind, String namespace, String name) {
    return Optional.ofNullable(stored.get(kind + "/" + namespace + "/" + name));
  }

  /** Reads every object of our kinds, one list call per kind, into {@link #stored}. */
  private void readAll() {
    Map<String, GenericKubernetesResource> all = new HashMap<>();
    for (String kind : KINDS) {
      for (GenericKubernetesResource object :
          client().genericKubernetesResources(context(kind)).inAnyNamespace().list().getItems()) {
        ObjectMeta metadata = object.getMetadata();
        all.put(kind + "/" + metadata.getNamespace() + "/" + metadata.getName(), object);
      }
    }
    stored = all;
  }

  /** The KFP objects the object under test owns: its own KFP name, or a version of its pipeline. */
  private List<KfpObjectRow> ownedInKfp(BadInputCase badInput) {
    String namespace =
        namespaceOf(badInput, badInput.objectUnderTest(documents.get(badInput.name())));
    String kfpName = namespace + "/" + badInput.objectName();
    return OPERATOR.kfp().inventory().stream()
        .filter(row -> row.kind().equals(badInput.kind()))
        .filter(
            row ->
                row.name().equals(kfpName)
                    || (row.name().equals(badInput.objectName())
                        && row.detail().startsWith("of " + namespace + "/"))
                    || (badInput.kind().equals("Experiment")
                        && row.name().equals(badInput.objectName())))
        .toList();
  }

  /** A case's own namespace; a document naming namespace {@code b} goes to {@code <own>-b}. */
  private static String namespaceOf(BadInputCase badInput, JsonNode document) {
    JsonNode declared = document.path("metadata").path("namespace");
    return declared.isTextual()
        ? caseNamespace(badInput) + "-" + declared.asText()
        : caseNamespace(badInput);
  }

  private static String caseNamespace(BadInputCase badInput) {
    return "bad-" + badInput.name();
  }

  private static boolean observedItsGeneration(GenericKubernetesResource object) {
    Object observed = object.get("status", "observedGeneration");
    return observed instanceof Number number
        && number.longValue() == object.getMetadata().getGeneration();
  }

  private static ResourceDefinitionContext context(String kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("kfp.jackhoman.com")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(kind.toLowerCase(Locale.ROOT) + "s")
        .withNamespaced(true)
        .build();
  }

  private static boolean isTrue(Condition condition) {
    return "True".equals(condition.getStatus());
  }

  private static KubernetesClient client() {
    return EXTENSION.getKubernetesClient();
  }

  private void awaitQuietly(Duration atMost, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(atMost);
    readAll();
    while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
      sleep(Duration.ofMillis(250));
      readAll();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
