package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.ReadyCondition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Measures how long one more object takes from its create to Ready: applies Experiments one at a
 * time into the probe namespace and polls each (one GET every 10 ms) until it is Ready.
 */
public final class OneMoreProbe {

  private static final Duration POLL = Duration.ofMillis(10);

  private final KubernetesClient client;
  private final String namespace;
  private final Clock clock;
  private final Duration timeout;

  /**
   * A probe that applies through {@code client} into {@code namespace} and gives up on an object
   * after {@code timeout}.
   */
  public OneMoreProbe(KubernetesClient client, String namespace, Clock clock, Duration timeout) {
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Applies up to {@code count} objects named {@code prefix-0}, {@code prefix-1}, ..., one after
   * the other, while {@code keepGoing} holds before each.
   */
  public LatencySamples run(String prefix, int count, BooleanSupplier keepGoing)
      throws InterruptedException {
    List<LatencySamples.Sample> samples = new ArrayList<>();
    for (int i = 0; i < count && keepGoing.getAsBoolean(); i++) {
      samples.add(timeToReady(ScaleWorkload.experiment(namespace, prefix + "-" + i)));
    }
    return new LatencySamples(samples);
  }

  private LatencySamples.Sample timeToReady(GenericKubernetesResource object)
      throws InterruptedException {
    Instant start = clock.instant();
    client.resource(object).create();
    while (!ReadyCensus.isReady(ReadyCondition.of(client.resource(object).get()))) {
      if (Duration.between(start, clock.instant()).compareTo(timeout) > 0) {
        throw new IllegalStateException(
            "Probe Experiment "
                + namespace
                + "/"
                + object.getMetadata().getName()
                + " was not Ready "
                + timeout.toSeconds()
                + " s after it was created; look at its status and the operator's log");
      }
      Thread.sleep(POLL.toMillis());
    }
    return new LatencySamples.Sample(start, Duration.between(start, clock.instant()));
  }
}
