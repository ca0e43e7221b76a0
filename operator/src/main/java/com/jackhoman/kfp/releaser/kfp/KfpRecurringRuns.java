package com.jackhoman.kfp.releaser.kfp;

import java.util.List;

/**
 * KFP recurring runs (v1: jobs). KFP neither updates them nor keeps their names unique, so look up
 * before creating. Namespace {@code ""} means no namespace scoping (single-user KFP).
 */
public interface KfpRecurringRuns {

  /** Every recurring run in the namespace. */
  List<KfpRecurringRun> list(String namespace);

  /** Every recurring run in the namespace that carries this owner's mark. */
  List<KfpRecurringRun> findOwnedBy(String namespace, OwnerMark owner);

  /** Every recurring run in the namespace with this name (names are not unique in KFP). */
  List<KfpRecurringRun> findByName(String namespace, String name);

  /** The recurring run with this id, or {@link KfpNotFound}. */
  KfpRecurringRun get(String id);

  /** Creates a recurring run; a retry after a lost answer creates a second one. */
  KfpRecurringRun create(NewRecurringRun recurringRun);

  /** Enables or disables the recurring run; runs already started are left alone. */
  void setEnabled(String id, boolean enabled);

  /** Deletes the recurring run, or {@link KfpNotFound}. */
  void delete(String id);

  /** The most recent runs the recurring run started, newest first, at most {@code limit}. */
  List<KfpRun> recentRuns(KfpRecurringRun recurringRun, int limit);
}
