package com.jackhoman.kfp.releaser.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.OperatorReplica;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunStatus;
import com.jackhoman.kfp.releaser.sandbox.EmbeddedKubernetesApi;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A status worked out from an old copy of the object never lands on a newer stored status. The
 * sequence is the one that left the fault campaign with a RecurringRun at {@code Ready=False
 * reason=KfpUnavailable} under the message of a successful sync: the cache holds "Synced, id A"; a
 * failed reconcile has since stored "KfpUnavailable"; the next reconcile, still reading "Synced, id
 * A", works out "Synced, id B".
 */
class StatusWriteFromStaleViewTest {

  private final Conditions conditions = new Conditions(Clock.systemUTC());
  private EmbeddedKubernetesApi api;
  private KubernetesClient client;
  private RecurringRun cached;

  @BeforeEach
  void aRunWhoseStoredStatusMovedOnSinceItWasCached(@TempDir Path dir) throws Exception {
    api = EmbeddedKubernetesApi.start(dir.resolve("kubeconfig"), Clock.systemUTC());
    client = api.newClient();
    OperatorReplica.install(client);
    RecurringRun run = new RecurringRun();
    run.setMetadata(new ObjectMetaBuilder().withName("nightly").withNamespace("default").build());
    client.resource(run).create();
    cached = client.resource(run).editStatus(r -> withReady(r, true, Reason.Synced, "id A"));
    client.resource(cached).editStatus(r -> withReady(r, false, Reason.KfpUnavailable, "down"));
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @Test
  void aWriteFromTheOldCopyIsRefusedAndLeavesTheNewerStatusWhole() throws Exception {
    RecurringRunStatus next = StatusUpdates.workingCopy(cached, RecurringRunStatus.class);
    next.setConditions(ready(next.getConditions(), true, Reason.Synced, "id B"));

    assertThat(StatusUpdates.send(client, cached, next, RecurringRun::new)).isEmpty();

    assertThat(storedReady())
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("False", "KfpUnavailable", "down");
  }

  /**
   * What JOSDK 5.2.3 sends without server-side apply ({@code CustomResourceFacade#editStatus}): a
   * JSON Patch against the cached copy, resourceVersion removed. It mixes the two writes, which is
   * why the operator writes its status itself.
   */
  @Test
  void theFrameworksPatchFromTheOldCopyMixesTwoStatusesIntoOneCondition() throws Exception {
    RecurringRunStatus next = StatusUpdates.workingCopy(cached, RecurringRunStatus.class);
    next.setConditions(ready(next.getConditions(), true, Reason.Synced, "id B"));
    RecurringRun base = client.resource(cached).get();
    base.setStatus(cached.getStatus());
    base.getMetadata().setResourceVersion(null);

    client.resource(base).editStatus(r -> withStatus(r, next));

    assertThat(storedReady())
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("False", "KfpUnavailable", "id B");
  }

  /**
   * The campaign's unexplained {@code Ready=False reason=Synced}: resuming a suspended run (cached
   * "True, Suspended") while a failed reconcile has stored "False, KfpUnavailable". JOSDK's patch
   * from the cached copy changes the reason and message only, and the status stays False; the
   * operator's write is refused instead and worked out again.
   */
  @Test
  void resumingFromAStaleCopyCannotLeaveReadyFalseWithReasonSynced() throws Exception {
    RecurringRun suspended =
        client
            .resource(client.resource(cached).get())
            .editStatus(r -> withReady(r, true, Reason.Suspended, "paused"));
    client.resource(suspended).editStatus(r -> withReady(r, false, Reason.KfpUnavailable, "down"));
    RecurringRunStatus resumed = StatusUpdates.workingCopy(suspended, RecurringRunStatus.class);
    resumed.setConditions(ready(resumed.getConditions(), true, Reason.Synced, "paused"));
    RecurringRun base = client.resource(suspended).get();
    base.setStatus(suspended.getStatus());
    base.getMetadata().setResourceVersion(null);
    client.resource(base).editStatus(r -> withStatus(r, resumed));
    assertThat(storedReady())
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "Synced");

    client
        .resource(client.resource(cached).get())
        .editStatus(r -> withReady(r, false, Reason.KfpUnavailable, "down"));

    assertThat(StatusUpdates.send(client, suspended, resumed, RecurringRun::new)).isEmpty();
    assertThat(storedReady())
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "KfpUnavailable");
  }

  @Test
  void aWriteFromTheCurrentCopyStoresTheWholeStatus() throws Exception {
    RecurringRun current = client.resource(cached).get();
    RecurringRunStatus next = StatusUpdates.workingCopy(current, RecurringRunStatus.class);
    next.setConditions(ready(next.getConditions(), true, Reason.Synced, "id B"));
    next.setId(null);

    assertThat(StatusUpdates.send(client, current, next, RecurringRun::new)).isPresent();

    assertThat(storedReady())
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("True", "Synced", "id B");
    assertThat(client.resource(cached).get().getStatus().getId()).isNull();
  }

  private Condition storedReady() {
    return Conditions.find(
            client.resource(cached).get().getStatus().getConditions(), ConditionType.Ready)
        .orElseThrow();
  }

  private RecurringRun withReady(RecurringRun run, boolean holds, Reason reason, String message) {
    RecurringRunStatus status = StatusUpdates.workingCopy(run, RecurringRunStatus.class);
    status.setId(message);
    status.setConditions(ready(status.getConditions(), holds, reason, message));
    run.setStatus(status);
    return run;
  }

  private static RecurringRun withStatus(RecurringRun run, RecurringRunStatus status) {
    run.setStatus(status);
    return run;
  }

  private List<Condition> ready(
      List<Condition> current, boolean holds, Reason reason, String message) {
    return conditions.set(current, ConditionType.Ready, holds, reason, message, 1);
  }
}
