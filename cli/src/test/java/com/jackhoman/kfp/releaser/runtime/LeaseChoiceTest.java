package com.jackhoman.kfp.releaser.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the Lease goes: flag, then the pod's namespace, then the kubeconfig's, then default. */
class LeaseChoiceTest {

  private static final Config CONTEXT_IN_TEAM_A =
      new ConfigBuilder(Config.empty()).withNamespace("team-a").build();
  private static final Config NO_CONTEXT_NAMESPACE = Config.empty();

  @Test
  void theFlagWinsOverEverything() {
    LeaseChoice choice =
        LeaseChoice.of("ops", Map.of("POD_NAMESPACE", "kfp-releaser")::get, CONTEXT_IN_TEAM_A);

    assertThat(choice).isEqualTo(new LeaseChoice("ops", "--lease-namespace"));
  }

  @Test
  void inAPodThePodsNamespaceIsTaken() {
    LeaseChoice choice =
        LeaseChoice.of(" ", Map.of("POD_NAMESPACE", "kfp-releaser")::get, CONTEXT_IN_TEAM_A);

    assertThat(choice).isEqualTo(new LeaseChoice("kfp-releaser", "POD_NAMESPACE"));
  }

  @Test
  void fromALaptopTheCurrentContextsNamespaceIsTaken() {
    LeaseChoice choice = LeaseChoice.of("", Map.<String, String>of()::get, CONTEXT_IN_TEAM_A);

    assertThat(choice).isEqualTo(new LeaseChoice("team-a", "the kubeconfig's current context"));
    assertThat(choice.describe())
        .isEqualTo(
            "Leader election on Lease team-a/kfp-releaser (namespace from the kubeconfig's"
                + " current context; choose another with --lease-namespace): only the replica"
                + " holding it works");
  }

  @Test
  void withNoNamespaceAnywhereDefaultIsTaken() {
    LeaseChoice choice = LeaseChoice.of(null, Map.<String, String>of()::get, NO_CONTEXT_NAMESPACE);

    assertThat(choice.namespace()).isEqualTo("default");
  }
}
