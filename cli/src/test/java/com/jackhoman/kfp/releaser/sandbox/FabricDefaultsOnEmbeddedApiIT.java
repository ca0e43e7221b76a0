package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fabric8 client configured from the sandbox's kubeconfig with nothing changed, as a Java user's
 * own program would be, can watch the embedded API: it asks for a WebSocket first, which this API
 * declines so that the client falls back to an HTTP watch.
 */
class FabricDefaultsOnEmbeddedApiIT {

  @TempDir Path dir;

  @Test
  @Timeout(60) // a client stuck in the WebSocket handshake never returns from watch()
  void aDefaultFabricClientWatchesTheEmbeddedApi() throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.start(kubeconfig, Clock.systemUTC());
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                .build()) {
      assertThat(client.getConfiguration().isOnlyHttpWatches()).isFalse();
      CompletableFuture<String> added = new CompletableFuture<>();
      try (Watch watch =
          client
              .namespaces()
              .watch(
                  new Watcher<Namespace>() {
                    @Override
                    public void eventReceived(Action action, Namespace namespace) {
                      if (action == Action.ADDED
                          && namespace.getMetadata().getName().equals("watched")) {
                        added.complete(namespace.getMetadata().getName());
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                      added.completeExceptionally(cause);
                    }
                  })) {
        client
            .resource(
                new NamespaceBuilder().withNewMetadata().withName("watched").endMetadata().build())
            .create();

        assertThat(added.get(10, TimeUnit.SECONDS)).isEqualTo("watched");
      }
    }
  }
}
