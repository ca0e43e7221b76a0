package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.NewPipeline;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.kfp.connect.KfpConnector;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A replica sends KFP writes only while it leads; reads go on, and nothing refused is sent. */
class LeaseFenceTest {

  private static final NewPipeline PIPELINE =
      new NewPipeline("", "train", "train", "", new OwnerMark("team-a", "train", "u1"));

  @Test
  void writesAreSentOnlyBetweenStartingAndStoppingToLead() {
    LeaseFence fence = new LeaseFence();
    LeaderCallbacks callbacks = fence.callbacks(new LeaderCallbacks(() -> {}, () -> {}, id -> {}));
    try (KfpEmulator kfp = KfpEmulator.builder().start();
        KfpClient client =
            new KfpConnector(Sleeper.system())
                .connect(
                    KfpEndpoint.builder(kfp.url()).writesOnlyWhile(fence).build(),
                    Optional.empty())) {
      int logged = kfp.log().entries().size();

      assertThatThrownBy(() -> client.pipelines().create(PIPELINE))
          .isInstanceOf(KfpUnavailable.class)
          .hasMessageContaining("no longer holds the operator's Lease");
      assertThat(client.pipelines().list("")).isEmpty();
      assertThat(kfp.log().entries().subList(logged, kfp.log().entries().size()))
          .noneMatch(entry -> entry.method().equals("POST"));

      callbacks.onStartLeading();
      assertThat(client.pipelines().create(PIPELINE).name()).isEqualTo("train");

      callbacks.onStopLeading();
      assertThatThrownBy(() -> client.pipelines().delete("any")).isInstanceOf(KfpUnavailable.class);
    }
  }
}
