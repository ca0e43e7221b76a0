package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a RecurringRun's schedule over from outgoing KFP recurring runs to an incoming one without
 * a moment where two are enabled: disable the outgoing, then set the incoming's state, then delete
 * the outgoing (deleting a KFP recurring run leaves its runs in flight alone).
 */
final class RecurringRunHandover {

  private static final Logger LOG = LoggerFactory.getLogger(RecurringRunHandover.class);

  private final KfpClient kfp;
  private final KfpTenancy tenancy;

  /** A handover acting in KFP as the identity of each RecurringRun's namespace. */
  RecurringRunHandover(KfpClient kfp, KfpTenancy tenancy) {
    this.kfp = kfp;
    this.tenancy = tenancy;
  }

  /**
   * Retires {@code outgoing} in favour of {@code incoming}, left {@code enabled} or disabled.
   *
   * @return the incoming recurring run as KFP now holds it (not read again: enabling changes
   *     nothing else)
   */
  KfpRecurringRun complete(
      List<KfpRecurringRun> outgoing, KfpRecurringRun incoming, boolean enabled, RecurringRun run) {
    KfpRecurringRuns recurringRuns = kfp.in(tenancy.namespaceOf(run)).recurringRuns();
    for (KfpRecurringRun old : outgoing) {
      if (old.enabled()) {
        try {
          recurringRuns.setEnabled(old.id(), false);
        } catch (KfpNotFound alreadyGone) {
          // deleted behind our back: nothing left to disable
        }
      }
    }
    if (incoming.enabled() == enabled && outgoing.isEmpty()) {
      return incoming;
    }
    if (incoming.enabled() != enabled) {
      recurringRuns.setEnabled(incoming.id(), enabled);
      LOG.info(
          "{} KFP recurring run id={} kind=RecurringRun name={}/{}",
          enabled ? "Enabled" : "Disabled",
          incoming.id(),
          run.getMetadata().getNamespace(),
          run.getMetadata().getName());
    }
    for (KfpRecurringRun old : outgoing) {
      try {
        recurringRuns.delete(old.id());
      } catch (KfpNotFound alreadyGone) {
        // deleted behind our back: the handover is done for it
      }
      LOG.info(
          "Replaced KFP recurring run id={} by id={} kind=RecurringRun name={}/{}",
          old.id(),
          incoming.id(),
          run.getMetadata().getNamespace(),
          run.getMetadata().getName());
    }
    return incoming.withEnabled(enabled);
  }
}
