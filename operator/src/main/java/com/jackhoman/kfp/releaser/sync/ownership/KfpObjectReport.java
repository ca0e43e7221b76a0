package com.jackhoman.kfp.releaser.sync.ownership;

import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.status.ConditionReporter;
import com.jackhoman.kfp.releaser.status.Reason;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Reports where an object's KFP object stands once the workflow ran: someone else's ({@code
 * NotOwned}, nothing touched), or ours and in place ({@code Synced}), with a {@code Drifted} repair
 * when it had to be made again after it was deleted in KFP.
 */
public final class KfpObjectReport {

  private final ConditionReporter reporter;

  /** Creates the report, setting conditions and recording events through {@code reporter}. */
  public KfpObjectReport(ConditionReporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The KFP object the workflow left in place.
   *
   * @param what the kind of KFP object in words, such as {@code pipeline version}
   * @param name its KFP name
   * @param id its KFP id
   * @param owner the owner mark it carries
   * @param missingBefore true when the object had no KFP object before this reconcile
   */
  public record Found(
      String what, String name, String id, Optional<OwnerMark> owner, boolean missingBefore) {}

  /**
   * What the object's status carries after the report.
   *
   * @param conditions the conditions with Ready, and Drifted after a repair, set
   * @param id the KFP id to show, or null when the KFP object is not ours
   */
  public record Outcome(List<Condition> conditions, String id) {}

  /**
   * Reports {@code found} on {@code object}.
   *
   * @param previousId the KFP id the object's status showed before, or null
   */
  public Outcome report(
      HasMetadata object, List<Condition> current, String previousId, Found found) {
    Ownership ownership = Ownership.of(found.owner(), object);
    if (ownership != Ownership.OURS) {
      return new Outcome(
          reporter.ready(
              object,
              current,
              false,
              Reason.NotOwned,
              ownership.notOwnedMessage(found.what(), found.name())),
          null);
    }
    Optional<String> repair =
        found.missingBefore() && previousId != null && !previousId.equals(found.id())
            ? Optional.of(
                "KFP "
                    + found.what()
                    + " "
                    + previousId
                    + " was deleted outside kfp-releaser; created it again as "
                    + found.id())
            : Optional.empty();
    List<Condition> conditions = reporter.drift(object, current, repair);
    return new Outcome(
        reporter.ready(
            object,
            conditions,
            true,
            Reason.Synced,
            "KFP " + found.what() + " \"" + found.name() + "\" exists (id " + found.id() + ")"),
        found.id());
  }
}
