package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.faults.FaultCampaign;
import java.time.Duration;

/**
 * The long fault campaign: 600 objects over 24 namespaces, a workload of 10 changes a second and
 * faults on KFP and Kubernetes for as long as asked; prints the campaign's summary line and, when
 * an invariant broke, what broke.
 *
 * <p>Run with {@code bench/fault-campaign.sh <seed> <seconds>}.
 */
public final class FaultCampaignBench {

  private FaultCampaignBench() {}

  /** Runs the campaign; exits 1 when an invariant broke. */
  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    Duration faultyFor = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 600);
    FaultCampaign.Summary summary =
        FaultCampaign.run(
            new FaultCampaign.Settings(
                seed, 24, 19, faultyFor, 10, 0.1, 0.1, Duration.ofMinutes(5)));
    summary.findings().problems().forEach(System.out::println);
    System.out.println(summary.line());
    System.exit(summary.clean() ? 0 : 1);
  }
}
