package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happened between one probe's create and its Ready, step by step: reconcile starts, KFP calls
 * (stamped when the emulator answered) and the operator's Kubernetes writes, each with its offset
 * from the create; shows where one more object's time goes. Other objects' drift polls in the same
 * window show up too.
 */
public final class ProbeTimeline {

  private record Step(Instant time, String what) {}

  private ProbeTimeline() {}

  /** The steps of {@code probe} in {@code system}, one line each. */
  public static String of(ScaleSystem system, LatencySamples.Sample probe) {
    Instant from = probe.created();
    Instant to = from.plus(probe.toReady());
    List<Step> steps = new ArrayList<>();
    for (LoggedRequest call : system.kfp().log().entries()) {
      if (!call.time().isBefore(from) && !call.time().isAfter(to)) {
        steps.add(new Step(call.time(), "KFP " + call.method() + " " + call.path()));
      }
    }
    system
        .kubernetesWrites()
        .between(from, to)
        .forEach(w -> steps.add(new Step(w.time(), "Kubernetes " + w.method() + " " + w.path())));
    system
        .reconciles()
        .between(from, to)
        .forEach(r -> steps.add(new Step(r.time(), "reconcile " + r.kind())));
    steps.add(new Step(to, "seen Ready"));
    StringBuilder text = new StringBuilder();
    steps.stream()
        .sorted(Comparator.comparing(Step::time))
        .forEach(
            step ->
                text.append(
                    "  %6d ms  %s%n"
                        .formatted(Duration.between(from, step.time()).toMillis(), step.what())));
    return text.toString();
  }
}
