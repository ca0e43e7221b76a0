package com.jackhoman.kfp.releaser.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The objects a scale run applies: per namespace one Experiment, one Pipeline, six PipelineVersions
 * and twelve RecurringRuns (two per version, daily at distinct minutes of the hour twelve hours
 * from when the workload is made, so that none fires while a run measures; filed under the
 * namespace's Experiment), so N objects fill N/20 namespaces.
 */
public final class ScaleWorkload {

  /** Objects per namespace. */
  public static final int PER_NAMESPACE = 20;

  /** The API version of our kinds. */
  public static final String API_VERSION = "kfp.jackhoman.com/v1alpha1";

  /** Our four kinds, as listed when counting Ready objects. */
  public static final List<String> KINDS =
      List.of("Experiment", "Pipeline", "PipelineVersion", "RecurringRun");

  private static final int VERSIONS = 6;

  private final int namespaces;
  private final String namespacePrefix;
  private final int fireHour;

  private ScaleWorkload(int namespaces, String namespacePrefix, int fireHour) {
    this.namespaces = namespaces;
    this.namespacePrefix = namespacePrefix;
    this.fireHour = fireHour;
  }

  /**
   * A workload of {@code objects} objects (a multiple of 20) in the namespaces {@code
   * <namespacePrefix>-0000}, {@code -0001}...
   */
  public static ScaleWorkload of(int objects, String namespacePrefix) {
    if (objects <= 0 || objects % PER_NAMESPACE != 0) {
      throw new IllegalArgumentException(
          "The object count must be a positive multiple of "
              + PER_NAMESPACE
              + " (one namespace holds "
              + PER_NAMESPACE
              + " objects), got "
              + objects);
    }
    return new ScaleWorkload(
        objects / PER_NAMESPACE,
        namespacePrefix,
        (LocalTime.now(ZoneOffset.UTC).getHour() + 12) % 24);
  }

  /** The namespaces, to be created before the objects. */
  public List<String> namespaces() {
    return IntStream.range(0, namespaces)
        .mapToObj(index -> "%s-%04d".formatted(namespacePrefix, index))
        .toList();
  }

  /** The workload's namespaces and the probe namespace. */
  public Set<String> allNamespaces() {
    Set<String> all = new LinkedHashSet<>(namespaces());
    all.add(probeNamespace());
    return all;
  }

  /** The namespace the one-more-object probes go into. */
  public String probeNamespace() {
    return namespacePrefix + "-probe";
  }

  /** How many objects the workload holds. */
  public int size() {
    return namespaces * PER_NAMESPACE;
  }

  /** Every object, namespace by namespace, each namespace's referenced objects first. */
  public List<GenericKubernetesResource> objects() {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (String namespace : namespaces()) {
      objects.add(experiment(namespace, "team"));
      objects.add(resource("Pipeline", namespace, "train", "description: Trains the model."));
      for (int version = 1; version <= VERSIONS; version++) {
        objects.add(version(namespace, version));
      }
      for (int version = 1; version <= VERSIONS; version++) {
        for (int copy = 0; copy < 2; copy++) {
          objects.add(recurringRun(namespace, version, copy));
        }
      }
    }
    return objects;
  }

  /** An Experiment, the object the one-more-object probes apply. */
  public static GenericKubernetesResource experiment(String namespace, String name) {
    return resource("Experiment", namespace, name, "description: Runs of the scale benchmark.");
  }

  private static GenericKubernetesResource version(String namespace, int version) {
    return resource(
        "PipelineVersion",
        namespace,
        "train-v" + version,
        """
        pipeline: train
        description: Release %d.
        workflow:
          pipelineInfo: {name: train}
          root:
            inputDefinitions:
              parameters:
                epochs: {parameterType: NUMBER_INTEGER}
            dag: {tasks: {}}
          schemaVersion: 2.1.0
        """
            .formatted(version));
  }

  private GenericKubernetesResource recurringRun(String namespace, int version, int copy) {
    int minute = (version - 1) * 2 + copy;
    return resource(
        "RecurringRun",
        namespace,
        "nightly-v%d-%d".formatted(version, copy),
        """
        versionRef: train-v%d
        experimentRef: team
        schedule: {cron: "%d %d * * *"}
        parameters:
        - {name: epochs, value: %d}
        """
            .formatted(version, minute, fireHour, minute + 1));
  }

  private static GenericKubernetesResource resource(
      String kind, String namespace, String name, String specYaml) {
    String yaml =
        """
        apiVersion: %s
        kind: %s
        metadata: {name: %s, namespace: %s}
        spec:
        %s"""
            .formatted(API_VERSION, kind, name, namespace, specYaml.indent(2));
    return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
  }
}
