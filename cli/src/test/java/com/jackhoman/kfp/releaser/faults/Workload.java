package com.jackhoman.kfp.releaser.faults;

import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a busy team does to the API, drawn from a seeded random source: in every namespace a
 * Pipeline with two versions, an Experiment, a spare Pipeline and version that come and go, and
 * RecurringRuns that are created, edited (cron, parameters, versionRef, suspend), deleted and
 * created again under the same name (taking over, with the adopt annotation, what an earlier one
 * left in KFP with {@code deletionPolicy: Orphan}).
 */
final class Workload {

  private static final String API = CustomResourceDefinitions.GROUP + "/v1alpha1";
  private static final String PACKAGE = read("/recurringrun/echo-with-inputs.yaml");
  private static final String[] VERSIONS = {"train-v1", "train-v2"};

  private final KubernetesClient client;
  private final SplittableRandom random;
  private final List<String> namespaces;
  private final int runsPerNamespace;
  private final Set<String> orphanedUids = ConcurrentHashMap.newKeySet();
  private final Set<String> orphanedNames = ConcurrentHashMap.newKeySet();
  private final Set<String> resurrectedUids = ConcurrentHashMap.newKeySet();
  private int ops;

  /**
   * @param client the client the "users" write through
   * @param random where every choice comes from
   * @param namespaces the namespaces to spread over, which exist
   * @param runsPerNamespace how many RecurringRun names each namespace uses
   */
  Workload(
      KubernetesClient client,
      SplittableRandom random,
      List<String> namespaces,
      int runsPerNamespace) {
    this.client = client;
    this.random = random;
    this.namespaces = namespaces;
    this.runsPerNamespace = runsPerNamespace;
  }

  /** How many objects exist once {@link #createAll()} is done. */
  int objects() {
    return namespaces.size() * (6 + runsPerNamespace);
  }

  /** How many changes the API accepted. */
  int ops() {
    return ops;
  }

  /**
   * The uids of the objects deleted with {@code deletionPolicy: Orphan}: their KFP objects stay.
   */
  Set<String> orphanedUids() {
    return Set.copyOf(orphanedUids);
  }

  /**
   * How many objects came back without a spec after the workload deleted them: a finalizer added by
   * server-side apply (JOSDK's default, with no uid or resourceVersion) creates the object anew
   * when it was deleted just before.
   */
  int resurrected() {
    return resurrectedUids.size();
  }

  /** Deletes, as their user would, the objects that came back without a spec. */
  void deleteResurrected() {
    for (String kind : List.of("Pipeline", "PipelineVersion", "Experiment", "RecurringRun")) {
      for (String namespace : namespaces) {
        client
            .genericKubernetesResources(API, kind)
            .inNamespace(namespace)
            .list()
            .getItems()
            .stream()
            .filter(object -> spec(object).isEmpty())
            .forEach(this::deleteResurrected);
      }
    }
  }

  private void deleteResurrected(GenericKubernetesResource object) {
    resurrectedUids.add(object.getMetadata().getUid());
    accepted(() -> client.resource(object).delete());
  }

  /** Creates every object. */
  void createAll() {
    for (String namespace : namespaces) {
      create(namespace, pipeline("train"));
      for (String version : VERSIONS) {
        create(namespace, version(version, "train"));
      }
      create(namespace, object("Experiment", "exp", Map.of("description", "campaign")));
      createSpare(namespace);
      for (int r = 0; r < runsPerNamespace; r++) {
        create(namespace, recurringRun("rr-" + r));
      }
    }
  }

  /** Makes one random change; a change the API refuses (a name still being deleted) is skipped. */
  void step() {
    String namespace = namespaces.get(random.nextInt(namespaces.size()));
    if (random.nextInt(20) == 0) {
      toggleSpare(namespace);
      return;
    }
    String name = "rr-" + random.nextInt(runsPerNamespace);
    Resource<GenericKubernetesResource> run =
        client
            .genericKubernetesResources(API, "RecurringRun")
            .inNamespace(namespace)
            .withName(name);
    GenericKubernetesResource current = run.get();
    if (current == null) {
      GenericKubernetesResource created = recurringRun(name);
      if (orphanedNames.contains(namespace + "/" + name)) {
        // An orphaned KFP recurring run may carry an old object's mark: take it over. Kept for
        // every later incarnation, since one may go before it took the orphan over.
        created.getMetadata().setAnnotations(Map.of(OwnerMarks.ADOPT_ANNOTATION, "true"));
      }
      create(namespace, created);
      return;
    }
    if (spec(current).isEmpty()) {
      deleteResurrected(current);
      return;
    }
    int choice = random.nextInt(100);
    if (choice < 15) {
      if ("Orphan".equals(spec(current).get("deletionPolicy"))) {
        orphanedUids.add(current.getMetadata().getUid());
        orphanedNames.add(namespace + "/" + name);
      }
      accepted(() -> run.delete());
    } else if (choice < 40) {
      patch(run, Map.of("schedule", Map.of("cron", cron())));
    } else if (choice < 65) {
      patch(run, Map.of("parameters", parameters()));
    } else if (choice < 80) {
      patch(run, Map.of("versionRef", VERSIONS[random.nextInt(VERSIONS.length)]));
    } else {
      patch(run, Map.of("suspend", !Boolean.TRUE.equals(spec(current).get("suspend"))));
    }
  }

  private void toggleSpare(String namespace) {
    Resource<GenericKubernetesResource> pipeline =
        client.genericKubernetesResources(API, "Pipeline").inNamespace(namespace).withName("spare");
    Resource<GenericKubernetesResource> version =
        client
            .genericKubernetesResources(API, "PipelineVersion")
            .inNamespace(namespace)
            .withName("spare-v1");
    boolean pipelineThere = pipeline.get() != null;
    boolean versionThere = version.get() != null;
    if (pipelineThere && versionThere) {
      accepted(() -> version.delete());
      accepted(() -> pipeline.delete());
    } else if (!pipelineThere && !versionThere) {
      createSpare(namespace);
    }
  }

  private void createSpare(String namespace) {
    create(namespace, pipeline("spare"));
    create(namespace, version("spare-v1", "spare"));
  }

  private void create(String namespace, GenericKubernetesResource object) {
    accepted(() -> client.resource(object).inNamespace(namespace).create());
  }

  private void patch(Resource<GenericKubernetesResource> object, Map<String, Object> spec) {
    accepted(
        () ->
            object.patch(
                PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", spec))));
  }

  /** Counts the change when the API took it; a refusal is what a user would see and ignore. */
  private void accepted(Runnable change) {
    try {
      change.run();
      ops++;
    } catch (KubernetesClientException refused) {
      // 422: a merge patch of an object that came back without a spec (see resurrected()).
      if (refused.getCode() != 404 && refused.getCode() != 409 && refused.getCode() != 422) {
        throw refused;
      }
    }
  }

  private GenericKubernetesResource recurringRun(String name) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("versionRef", VERSIONS[random.nextInt(VERSIONS.length)]);
    spec.put("schedule", Map.of("cron", cron()));
    spec.put("parameters", parameters());
    if (random.nextBoolean()) {
      spec.put("experimentRef", "exp");
    }
    if (random.nextInt(4) == 0) {
      spec.put("suspend", true);
    }
    if (random.nextInt(10) == 0) {
      spec.put("deletionPolicy", "Orphan");
    }
    return object("RecurringRun", name, spec);
  }

  private String cron() {
    return random.nextInt(60) + " " + random.nextInt(24) + " * * *";
  }

  private List<Map<String, String>> parameters() {
    List<Map<String, String>> parameters = new ArrayList<>();
    parameters.add(Map.of("name", "message", "value", "m-" + random.nextInt(1000)));
    if (random.nextBoolean()) {
      parameters.add(Map.of("name", "count", "value", String.valueOf(random.nextInt(1, 10))));
    }
    return parameters;
  }

  private static GenericKubernetesResource pipeline(String name) {
    return object("Pipeline", name, Map.of("description", "campaign pipeline " + name));
  }

  private static GenericKubernetesResource version(String name, String pipeline) {
    return object(
        "PipelineVersion",
        name,
        Map.of("pipeline", pipeline, "workflow", Serialization.unmarshal(PACKAGE, Map.class)));
  }

  private static GenericKubernetesResource object(
      String kind, String name, Map<String, Object> spec) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(API);
    object.setKind(kind);
    object.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    object.getMetadata().setName(name);
    object.setAdditionalProperty("spec", spec);
    return object;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource object) {
    Object spec = object.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String read(String resource) {
    try (InputStream in = Workload.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
