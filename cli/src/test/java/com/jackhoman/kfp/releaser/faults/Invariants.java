package com.jackhoman.kfp.releaser.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.jackhoman.kfp.releaser.emulator.EnabledTransition;
import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.KfpObjectRow;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.validate.CustomResourceDefinitions;
import com.jackhoman.kfp.releaser.validate.KindSchema;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold between the API and KFP once the faults stop, and what must have held at every
 * moment: each live object Ready with exactly one marked KFP object, no orphans, no finalizer
 * stuck, every id in status present in KFP, and never two enabled KFP recurring runs for one
 * RecurringRun.
 */
public final class Invariants {

  /** The uid of the mark of the operator's per-namespace default experiment. */
  private static final String NAMESPACE_UID = "namespace";

  private static final List<String> STATUS_IDS =
      List.of("pipelineId", "id", "pipelineVersionId", "versionId", "experimentId");

  private final KubernetesClient client;
  private final KfpEmulator kfp;
  private final List<String> namespaces;

  /**
   * The invariants between the objects of {@code namespaces}, read through {@code client}, and KFP.
   */
  Invariants(KubernetesClient client, KfpEmulator kfp, List<String> namespaces) {
    this.client = client;
    this.kfp = kfp;
    this.namespaces = namespaces;
  }

  /**
   * Where the invariants stand now.
   *
   * @param orphanedUids objects deleted with {@code deletionPolicy: Orphan}, whose KFP objects may
   *     stay
   */
  Findings check(Set<String> orphanedUids) {
    List<String> problems = new ArrayList<>();
    List<KfpObjectRow> rows = kfp.inventory();
    Set<String> kfpIds = new HashSet<>();
    Map<String, Integer> marked = new HashMap<>();
    for (KfpObjectRow row : rows) {
      kfpIds.add(row.id());
      mark(row)
          .ifPresent(
              mark ->
                  marked.merge(
                      key(
                          row.kind(),
                          mark.uid().equals(NAMESPACE_UID) ? mark.namespace() : mark.uid()),
                      1,
                      Integer::sum));
    }
    int duplicates = 0;
    int notReady = 0;
    int stuck = 0;
    int missingIds = 0;
    Set<String> liveKeys = new HashSet<>();
    for (KindSchema kind : CustomResourceDefinitions.load().kinds()) {
      for (GenericKubernetesResource object :
          namespaces.stream()
              .flatMap(
                  namespace ->
                      client
                          .genericKubernetesResources(kind.apiVersion(), kind.kind())
                          .inNamespace(namespace)
                          .list()
                          .getItems()
                          .stream())
              .toList()) {
        String what =
            kind.kind()
                + " "
                + object.getMetadata().getNamespace()
                + "/"
                + object.getMetadata().getName();
        String key = key(kind.kind(), object.getMetadata().getUid());
        liveKeys.add(key);
        JsonNode status = Serialization.jsonMapper().valueToTree(object).path("status");
        if (object.getMetadata().getDeletionTimestamp() != null) {
          stuck++;
          problems.add(what + " is still being deleted");
          continue;
        }
        if (!isReady(status)) {
          notReady++;
          problems.add(what + " is not Ready: " + status.path("conditions"));
        }
        int carrying = marked.getOrDefault(key, 0);
        if (carrying != 1) {
          duplicates += Math.max(0, carrying - 1);
          problems.add(what + " has " + carrying + " KFP objects with its mark");
        }
        for (String field : STATUS_IDS) {
          String id = status.path(field).asText("");
          if (!id.isEmpty() && !kfpIds.contains(id)) {
            missingIds++;
            problems.add(what + " has status." + field + " " + id + " that KFP does not hold");
          }
        }
      }
    }
    int orphans = 0;
    for (KfpObjectRow row : rows) {
      Optional<OwnerMark> mark = mark(row);
      if (mark.isEmpty() || mark.get().uid().equals(NAMESPACE_UID)) {
        if (mark.isPresent() && marked.get(key(row.kind(), mark.get().namespace())) > 1) {
          duplicates++;
          problems.add("KFP " + row.kind() + " " + row.name() + " is one of several defaults");
        }
        continue;
      }
      if (!liveKeys.contains(key(row.kind(), mark.get().uid()))
          && !orphanedUids.contains(mark.get().uid())) {
        orphans++;
        problems.add("KFP " + row.kind() + " " + row.name() + " " + row.id() + " has no owner");
      }
    }
    return new Findings(
        duplicates, orphans, stuck, notReady, missingIds, doubleEnabled(problems), problems);
  }

  /** Replays KFP's enable/disable history: how often one owner had two enabled at once. */
  private int doubleEnabled(List<String> problems) {
    Map<String, Set<String>> enabledByOwner = new HashMap<>();
    int count = 0;
    for (EnabledTransition transition : kfp.enabledHistory()) {
      Optional<OwnerMark> owner = OwnerMark.fromDescription(transition.description());
      if (owner.isEmpty()) {
        continue;
      }
      Set<String> enabled =
          enabledByOwner.computeIfAbsent(owner.get().uid(), uid -> new HashSet<>());
      if (transition.enabled()) {
        enabled.add(transition.id());
        if (enabled.size() > 1) {
          count++;
          problems.add(
              "RecurringRun "
                  + owner.get().namespace()
                  + "/"
                  + owner.get().name()
                  + " had KFP recurring runs "
                  + enabled
                  + " enabled at once at "
                  + transition.at());
        }
      } else {
        enabled.remove(transition.id());
      }
    }
    return count;
  }

  private static Optional<OwnerMark> mark(KfpObjectRow row) {
    return OwnerMark.fromTags(row.tags()).or(() -> OwnerMark.fromDescription(row.description()));
  }

  private static String key(String kind, String uid) {
    return kind + "/" + uid;
  }

  private static boolean isReady(JsonNode status) {
    for (JsonNode condition : status.path("conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return false;
  }

  /**
   * How many times each invariant is broken, with a line per break for a person.
   *
   * @param duplicates KFP objects beyond the first carrying one object's mark
   * @param orphans marked KFP objects whose owner is gone (and did not ask to orphan them)
   * @param stuck objects still being deleted
   * @param notReady live objects not Ready
   * @param missingIds ids in status that KFP does not hold
   * @param doubleEnabled moments one RecurringRun had two enabled KFP recurring runs
   * @param problems what each break is
   */
  public record Findings(
      int duplicates,
      int orphans,
      int stuck,
      int notReady,
      int missingIds,
      int doubleEnabled,
      List<String> problems) {

    /** Whether everything that can still change has converged. */
    public boolean converged() {
      return duplicates == 0 && orphans == 0 && stuck == 0 && notReady == 0 && missingIds == 0;
    }
  }
}
