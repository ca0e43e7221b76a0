package com.jackhoman.kfp.releaser.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign with a fixed seed, small enough for the build: after half a minute of faults
 * on both KFP and Kubernetes (on a real cluster through {@link ApiServerProxy}), everything
 * converges and no invariant ever broke.
 */
class FaultCampaignIT {

  @Test
  void aRandomWorkloadUnderFaultsOnBothSidesConvergesWithEveryInvariantHeld() throws Exception {
    FaultCampaign.Summary summary =
        FaultCampaign.run(
            new FaultCampaign.Settings(
                42, 10, 19, Duration.ofSeconds(30), 20, 0.1, 0.1, Duration.ofSeconds(90)));
    System.out.println(summary.line());

    assertThat(summary.findings().problems()).isEmpty();
    assertThat(summary.clean()).as(summary.line()).isTrue();
    assertThat(summary.faults()).isGreaterThan(100);
    assertThat(summary.kubernetesFaults())
        .as("409s on status writes and dropped watches")
        .isGreaterThan(10);
    assertThat(summary.restarts()).isPositive();
  }
}
