package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.List;

/**
 * {@link KfpRecurringRuns} whose lookups are served by one listing per namespace ({@link
 * KfpListing}); a recurring run lives in the KFP namespace of its owner. Recent runs are read only
 * when they may have changed ({@link RecentRunReads}).
 */
final class ListedRecurringRuns implements KfpRecurringRuns {

  private final KfpRecurringRuns kfp;
  private final KfpTenancy tenancy;
  private final KfpListing<KfpRecurringRun> listing;
  private final RecentRunReads recentRuns;

  ListedRecurringRuns(KfpRecurringRuns kfp, KfpTenancy tenancy, SyncSettings settings) {
    this.kfp = kfp;
    this.tenancy = tenancy;
    this.listing =
        new KfpListing<>(
            kfp::list,
            KfpRecurringRun::id,
            KfpRecurringRun::name,
            KfpRecurringRun::owner,
            settings.driftPeriod(),
            settings.clock());
    this.recentRuns = new RecentRunReads(settings.kfpClock());
  }

  @Override
  public List<KfpRecurringRun> list(String namespace) {
    return kfp.list(namespace);
  }

  @Override
  public List<KfpRecurringRun> findOwnedBy(String namespace, OwnerMark owner) {
    return listing.ownedBy(namespace, owner);
  }

  @Override
  public List<KfpRecurringRun> findByName(String namespace, String name) {
    return listing.named(namespace, name);
  }

  @Override
  public KfpRecurringRun get(String id) {
    return kfp.get(id);
  }

  @Override
  public KfpRecurringRun create(NewRecurringRun recurringRun) {
    KfpRecurringRun made =
        listing.created(
            tenancy.namespaceFor(recurringRun.owner().namespace()), () -> kfp.create(recurringRun));
    recentRuns.madeNow(made);
    return made;
  }

  @Override
  public void setEnabled(String id, boolean enabled) {
    listing.changed(id, () -> kfp.setEnabled(id, enabled));
  }

  @Override
  public void delete(String id) {
    listing.deleted(id, () -> kfp.delete(id));
    recentRuns.forget(id);
  }

  @Override
  public List<KfpRun> recentRuns(KfpRecurringRun recurringRun, int limit) {
    return recentRuns.of(recurringRun, () -> kfp.recentRuns(recurringRun, limit));
  }
}
