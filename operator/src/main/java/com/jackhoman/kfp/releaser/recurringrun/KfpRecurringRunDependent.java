package com.jackhoman.kfp.releaser.recurringrun;

import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRun;
import com.jackhoman.kfp.releaser.api.v1alpha1.RecurringRunSpec;
import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRun;
import com.jackhoman.kfp.releaser.kfp.KfpRecurringRuns;
import com.jackhoman.kfp.releaser.kfp.NewRecurringRun;
import com.jackhoman.kfp.releaser.sync.KfpPolledDependent;
import com.jackhoman.kfp.releaser.sync.KfpTenancy;
import com.jackhoman.kfp.releaser.sync.OwnerMarks;
import com.jackhoman.kfp.releaser.sync.Ownership;
import com.jackhoman.kfp.releaser.sync.SyncSettings;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The KFP recurring runs of a RecurringRun, polled from KFP by owner mark (by name only to find a
 * foreign or adoptable one). KFP cannot update a recurring run, so an update is a blue/green
 * replacement ({@link RecurringRunHandover}); every create is preceded by a fresh lookup by mark,
 * the only guard against duplicates since KFP does not keep recurring run names unique.
 */
final class KfpRecurringRunDependent extends KfpPolledDependent<KfpRecurringRunsOf, RecurringRun>
    implements Creator<KfpRecurringRunsOf, RecurringRun>,
        Updater<KfpRecurringRunsOf, RecurringRun>,
        Deleter<RecurringRun> {

  /** How many recent runs status.lastRuns shows. */
  static final int LAST_RUNS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(KfpRecurringRunDependent.class);

  private final KfpClient kfp;
  private final KfpTenancy tenancy;
  private final RecurringRunHandover handover;
  private final BiFunction<RecurringRun, Context<RecurringRun>, KfpRecurringRun> desiredRun;

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
    super(KfpRecurringRunsOf.class, "recurring run", settings);
    this.kfp = kfp;
    this.tenancy = tenancy;
    this.handover = new RecurringRunHandover(kfp, tenancy);
    this.desiredRun = desiredRun;
  }

  @Override
  protected Set<KfpRecurringRunsOf> fetchFromKfp(RecurringRun run) {
    List<KfpRecurringRun> found = ownedBy(run);
    if (found.isEmpty()) {
      found = recurringRuns(run).findByName(tenancy.namespaceOf(run), OwnerMarks.kfpName(run));
    }
    if (found.isEmpty()) {
      return Set.of();
    }
    KfpRecurringRunsOf inKfp = KfpRecurringRunsOf.of(found);
    return Set.of(
        ours(inKfp.current(), run)
            ? inKfp.withRecentRuns(recurringRuns(run).recentRuns(inKfp.current(), LAST_RUNS))
            : inKfp);
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
    return converge(desired.current(), run);
  }

  @Override
  public KfpRecurringRunsOf update(
      KfpRecurringRunsOf actual,
      KfpRecurringRunsOf desired,
      RecurringRun run,
      Context<RecurringRun> context) {
    return converge(desired.current(), run);
  }

  /**
   * Makes {@code wanted} the one KFP recurring run of {@code run}, so that no create answered late
   * or never can leave two enabled: a new one is always created disabled; then KFP is looked at
   * again under the owner mark, one carrying the wanted digest is kept (the one in status, else the
   * oldest), every other one is disabled and deleted, and only then is the kept one enabled. A
   * create that lands later still is a disabled leftover, which the next check retires.
   */
  private KfpRecurringRunsOf converge(KfpRecurringRun wanted, RecurringRun run) {
    creates.awaitSettled(run, "creating it again");
    Optional<String> digest = SpecDigest.readFrom(wanted.description());
    List<KfpRecurringRun> owned = ownedBy(run);
    if (owned.stream().noneMatch(r -> SpecDigest.readFrom(r.description()).equals(digest))) {
      KfpRecurringRun created =
          creates.create(run, () -> recurringRuns(run).create(request(wanted, false)));
      LOG.info(
          "Created KFP recurring run id={} enabled=false kind=RecurringRun name={}/{}",
          created.id(),
          run.getMetadata().getNamespace(),
          run.getMetadata().getName());
      owned = new ArrayList<>(ownedBy(run));
      if (owned.stream().noneMatch(r -> r.id().equals(created.id()))) {
        owned.add(created);
      }
    }
    KfpRecurringRun kept = keeper(owned, digest, run);
    List<KfpRecurringRun> outgoing = owned.stream().filter(r -> !r.id().equals(kept.id())).toList();
    KfpRecurringRun settled = handover.complete(outgoing, kept, wanted.enabled(), run);
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
