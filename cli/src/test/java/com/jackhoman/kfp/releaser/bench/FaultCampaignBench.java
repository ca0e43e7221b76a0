package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.faults.FaultCampaign;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The long fault campaign: 600 objects over 24 namespaces, a workload of 10 changes a second and
 * faults on KFP and Kubernetes for as long as asked, once per seed; prints one summary line per
 * seed (and, when an invariant broke, what broke), then a total line.
 *
 * <p>Run with {@code bench/fault-campaign.sh [--seeds FIRST-LAST] [--seconds N]}.
 */
public final class FaultCampaignBench {

  private FaultCampaignBench() {}

  /** Runs the campaigns; exits 1 when an invariant broke in any. */
  public static void main(String[] args) throws Exception {
    long first = 1;
    long last = 1;
    long seconds = 600;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> {
          String[] range = args[++i].split("-", 2);
          first = Long.parseLong(range[0]);
          last = range.length > 1 ? Long.parseLong(range[1]) : first;
        }
        case "--seconds" -> seconds = Long.parseLong(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "Unknown argument " + args[i] + "; use --seeds FIRST-LAST and --seconds N");
      }
    }
    List<Long> broken = new ArrayList<>();
    for (long seed = first; seed <= last; seed++) {
      FaultCampaign.Summary summary =
          FaultCampaign.run(
              new FaultCampaign.Settings(
                  seed, 24, 19, Duration.ofSeconds(seconds), 10, 0.1, 0.1, Duration.ofMinutes(5)));
      summary.findings().problems().forEach(p -> System.out.println("  " + p));
      System.out.println("seed=" + seed + " " + summary.line());
      if (!summary.clean()) {
        broken.add(seed);
      }
    }
    System.out.println(
        "total seeds="
            + (last - first + 1)
            + " clean="
            + (last - first + 1 - broken.size())
            + " broken="
            + broken);
    System.exit(broken.isEmpty() ? 0 : 1);
  }
}
