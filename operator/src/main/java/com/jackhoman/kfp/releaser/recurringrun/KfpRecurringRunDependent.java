package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.ownership.Ownership;
import com.jackhoman.kfp.releaser.sync.polling.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.polling.OwnedOrNamed;
import com.jackhoman.kfp.releaser.sync.polling.RecentRunReads;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KFP recurring runs of a RecurringRun, polled from KFP with all others of its KFP namespace
 * and found there by owner mark (by name only to find a foreign or adoptable one). KFP cannot
 * update a recurring run, so an update is a blue/green replacement ({@link RecurringRunHandover});
 * every create is preceded by a fresh lookup by mark, the only guard against duplicates since KFP
 * does not keep recurring run names unique.
 */
final class KfpRecurringRunDependent extends KfpPolledDependent<KfpRecurringRunsOf, RecurringRun>
    implements Creator<KfpRecurringRunsOf, RecurringRun>,
        Updater<KfpRecurringRunsOf, RecurringRun>,
        Deleter<RecurringRun> {

  /** How many recent runs status.lastRuns shows. */
  static final int LAST_RUNS = 5;

  private static final OwnedOrNamed<KfpRecurringRun, RecurringRun> OWNED =
      new OwnedOrNamed<>(
          KfpRecurringRun::owner, KfpRecurringRun::name, OwnerMarks::of, OwnerMarks::kfpName);

  private static final Logger LOG = LoggerFactory.getLogger(KfpRecurringRunDependent.class);

  private final KfpClient kfp;
  private final RecurringRunHandover handover;
  private final BiFunction<RecurringRun, Context<RecurringRun>, KfpRecurringRun> desiredRun;
  private final RecentRunReads recentRuns;

  /**
   * Creates the dependent.
   *
   * @param desiredRun the KFP recurring run a RecurringRun asks for, once its version and
   *     experiment are Ready and its spec is valid
   */
  KfpRecurringRunDependent(
      KfpClient kfp,
      KfpTenancy tenancy,
      SyncSettings settings,
      BiFunction<RecurringRun, Context<RecurringRun>, KfpRecurringRun> desiredRun) {
    super(
        KfpRecurringRunsOf.class,
        "recurring run",
        tenancy,
        settings,
        inKfp -> inKfp.current().id());
    this.kfp = kfp;
    this.handover = new RecurringRunHandover(kfp, tenancy);
    this.desiredRun = desiredRun;
    this.recentRuns = new RecentRunReads(settings.kfpClock());
  }

  /**
   * Lists the namespace's recurring runs once; each RecurringRun gets those under its mark (else
   * those of its name, someone else's), with the recent runs of the current one when it is ours and
   * they may have changed.
   */
  @Override
  protected Map<ResourceID, Set<KfpRecurringRunsOf>> fetchScope(
      String namespace, List<RecurringRun> runs) {
    KfpRecurringRuns recurringRuns = kfp.in(namespace).recurringRuns();
    Map<ResourceID, RecurringRun> byId = new HashMap<>();
    runs.forEach(run -> byId.put(ResourceID.fromResource(run), run));
    Map<ResourceID, Set<KfpRecurringRunsOf>> found = new HashMap<>();
    OWNED
        .assign(recurringRuns.list(namespace), runs)
        .forEach(
            (id, listed) -> {
              KfpRecurringRunsOf inKfp = KfpRecurringRunsOf.of(listed);
              KfpRecurringRun current = inKfp.current();
              found.put(
                  id,
                  Set.of(
                      ours(current, byId.get(id))
                          ? inKfp.withRecentRuns(
                              recentRuns.of(
                                  current, () -> recurringRuns.recentRuns(current, LAST_RUNS)))
                          : inKfp));
            });
    return found;
  }

  @Override
  protected KfpRecurringRunsOf desired(RecurringRun run, Context<RecurringRun> context) {
    return new KfpRecurringRunsOf(desiredRun.apply(run, context), List.of(), List.of());
  }

  /**
   * Matches when the current KFP recurring run carries the desired spec digest and enabled state
   * and nothing is left over; a KFP recurring run that is not ours always matches: it is never
   * touched.
   */
  @Override
  public Matcher.Result<KfpRecurringRunsOf> match(
      KfpRecurringRunsOf actual, RecurringRun run, Context<RecurringRun> context) {
    if (!ours(actual.current(), run)) {
      return Matcher.Result.nonComputed(true);
    }
    KfpRecurringRunsOf desired = desired(run, context);
    KfpRecurringRun wanted = desired.current();
    boolean matched =
        actual.leftovers().isEmpty()
            && actual.current().enabled() == wanted.enabled()
            && SpecDigest.readFrom(actual.current().description())
                .equals(SpecDigest.readFrom(wanted.description()));
    return Matcher.Result.computed(matched, desired);
  }

  @Override
  public KfpRecurringRunsOf create(
      KfpRecurringRunsOf desired, RecurringRun run, Context<RecurringRun> context) {
    return converge(desired.current(), run, true);
  }

  @Override
  public KfpRecurringRunsOf update(
      KfpRecurringRunsOf actual,
      KfpRecurringRunsOf desired,
      RecurringRun run,
      Context<RecurringRun> context) {
    return converge(desired.current(), run, false);
  }

  /**
   * Makes {@code wanted} the one KFP recurring run of {@code run}, so that no create answered late
   * or never can leave two enabled: a new one is always created disabled; one carrying the wanted
   * digest is kept (the one in status, else the oldest), every other one is disabled and deleted,
   * and only then is the kept one enabled. A create that lands later still is a disabled leftover,
   * which the next poll finds and the reconcile after it retires.
   *
   * <p>KFP is looked at past the cache, by the derived name every recurring run of {@code run}
   * carries: the cache may not have polled a RecurringRun that just appeared. When {@code creating}
   * finds none of ours but another's under the name, that one is the answer (reported NotOwned,
   * never touched), as the poll would have found it.
   */
  private KfpRecurringRunsOf converge(KfpRecurringRun wanted, RecurringRun run, boolean creating) {
    creates.awaitSettled(run, "creating it again");
    Optional<String> digest = SpecDigest.readFrom(wanted.description());
    List<KfpRecurringRun> named =
        recurringRuns(run).findByName(tenancy.namespaceOf(run), OwnerMarks.kfpName(run));
    List<KfpRecurringRun> owned =
        named.stream().filter(r -> OwnerMarks.of(run).is(r.owner())).toList();
    if (creating && owned.isEmpty() && !named.isEmpty()) {
      KfpRecurringRunsOf found = KfpRecurringRunsOf.of(named);
      if (!ours(found.current(), run)) {
        return found;
      }
    }
    String createdId = null;
    if (owned.stream().noneMatch(r -> SpecDigest.readFrom(r.description()).equals(digest))) {
      KfpRecurringRun created =
          creates.create(run, () -> recurringRuns(run).create(request(wanted, false)));
      LOG.info(
          "Created KFP recurring run id={} enabled=false kind=RecurringRun name={}/{}",
          created.id(),
          run.getMetadata().getNamespace(),
          run.getMetadata().getName());
      owned = new ArrayList<>(owned);
      owned.add(created);
      createdId = created.id();
    }
    KfpRecurringRun kept = keeper(owned, digest, run);
    List<KfpRecurringRun> outgoing = owned.stream().filter(r -> !r.id().equals(kept.id())).toList();
    KfpRecurringRun settled = handover.complete(outgoing, kept, wanted.enabled(), run);
    if (settled.id().equals(createdId)) {
      // made just now: no runs yet, so no read of them until it fires
      recentRuns.madeNow(settled);
    }
    return new KfpRecurringRunsOf(settled, List.of(), List.of());
  }

  /** Of the owned ones carrying {@code digest}: the one the status names, else the oldest. */
  private static KfpRecurringRun keeper(
      List<KfpRecurringRun> owned, Optional<String> digest, RecurringRun run) {
    String inStatus = run.getStatus() == null ? null : run.getStatus().getId();
    return owned.stream()
        .filter(r -> SpecDigest.readFrom(r.description()).equals(digest))
        .min(
            Comparator.comparing((KfpRecurringRun r) -> !r.id().equals(inStatus))
                .thenComparing(
                    KfpRecurringRun::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(KfpRecurringRun::id))
        .orElseThrow();
  }

  @Override
  protected void handleDelete(
      RecurringRun run, KfpRecurringRunsOf inKfp, Context<RecurringRun> context) {
    if (run.getSpec() != null
        && run.getSpec().getDeletionPolicy() == RecurringRunSpec.DeletionPolicy.ORPHAN) {
      return;
    }
    creates.awaitSettled(run, "finishing its deletion");
    Map<String, KfpRecurringRun> doomed = new LinkedHashMap<>();
    Stream.concat(
            inKfp == null ? Stream.empty() : inKfp.all().filter(r -> ours(r, run)),
            ownedBy(run).stream())
        .forEach(r -> doomed.put(r.id(), r));
    for (KfpRecurringRun recurringRun : doomed.values()) {
      try {
        recurringRuns(run).delete(recurringRun.id());
        recentRuns.forget(recurringRun.id());
        LOG.info(
            "Deleted KFP recurring run id={} kind=RecurringRun name={}/{}",
            recurringRun.id(),
            run.getMetadata().getNamespace(),
            run.getMetadata().getName());
      } catch (KfpNotFound alreadyGone) {
        // deleted behind our back: nothing left to do
      }
    }
  }

  /** The recurring runs under the RecurringRun's mark in KFP, looked up past the cache. */
  private List<KfpRecurringRun> ownedBy(RecurringRun run) {
    return recurringRuns(run).findOwnedBy(tenancy.namespaceOf(run), OwnerMarks.of(run));
  }

  /** KFP's recurring runs, acting as the identity of the RecurringRun's namespace. */
  private KfpRecurringRuns recurringRuns(RecurringRun run) {
    return kfp.in(tenancy.namespaceOf(run)).recurringRuns();
  }

  private static boolean ours(KfpRecurringRun recurringRun, RecurringRun run) {
    return Ownership.of(recurringRun.owner(), run) == Ownership.OURS;
  }

  private static NewRecurringRun request(KfpRecurringRun wanted, boolean enabled) {
    return new NewRecurringRun(
        wanted.name(),
        wanted.description(),
        wanted.owner().orElseThrow(),
        wanted.experimentId(),
        wanted.pipelineId(),
        wanted.pipelineVersionId(),
        wanted.trigger(),
        wanted.parameters(),
        wanted.maxConcurrency(),
        wanted.noCatchup(),
        enabled,
        wanted.serviceAccount());
  }
}
