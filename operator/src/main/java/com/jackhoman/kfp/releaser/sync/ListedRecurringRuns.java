package com.jackhoman.kfp.releaser.sync;

import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.KfpRun;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link KfpRecurringRuns} whose lookups are served by one listing per namespace ({@link
 * KfpListing}); a recurring run lives in the KFP namespace of its owner. KFP does not keep
 * recurring-run names unique, so nothing in KFP refuses a second one: a create is preceded by a
 * lookup past the listing, and refused (to be retried on a fresh listing) when KFP holds recurring
 * runs of that owner the listing did not show. Recent runs are read only when they may have changed
 * ({@link RecentRunReads}).
 */
final class ListedRecurringRuns implements KfpRecurringRuns {

  private final KfpRecurringRuns kfp;
  private final KfpTenancy tenancy;
  private final KfpListing<KfpRecurringRun> listing;
  private final RecentRunReads recentRuns;

  ListedRecurringRuns(KfpRecurringRuns kfp, KfpTenancy tenancy, SyncSettings settings) {
    this.kfp = kfp;
    this.tenancy = tenancy;
    this.listing = KfpListing.overDriftPeriod(kfp::list, settings);
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
    String scope = tenancy.namespaceFor(recurringRun.owner().namespace());
    Set<String> known =
        listing.ownedBy(scope, recurringRun.owner()).stream()
            .map(KfpRecurringRun::id)
            .collect(Collectors.toSet());
    List<KfpRecurringRun> unknown =
        kfp.findOwnedBy(scope, recurringRun.owner()).stream()
            .filter(r -> !known.contains(r.id()))
            .toList();
    if (!unknown.isEmpty()) {
      listing.forget(scope);
      throw new KfpUnavailable(
          0,
          "KFP holds recurring runs of this object that the operator's listing of the namespace"
              + " did not show yet ("
              + unknown.stream().map(KfpRecurringRun::id).toList()
              + "), for example made by the replica that led before; listing again before any"
              + " create");
    }
    KfpRecurringRun made = listing.created(scope, () -> kfp.create(recurringRun));
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
