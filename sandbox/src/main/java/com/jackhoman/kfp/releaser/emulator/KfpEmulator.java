package com.jackhoman.kfp.releaser.emulator;

import com.jackhoman.kfp.releaser.net.HttpServers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory Kubeflow Pipelines serving v1beta1 and/or v2beta1 over real HTTP on 127.0.0.1,
 * acting as one {@link ReleaseProfile}: build one with {@link #builder()}, point a client at {@link
 * #url()}, assert on {@link #log()} and {@link #startedRuns()}, inject faults through {@link
 * #faults()} and move time with {@link #advanceClock(Duration)}.
 */
public final class KfpEmulator implements AutoCloseable {

  static {
    // The JDK server writes headers and body as separate segments; without TCP_NODELAY every
    // keep-alive response waits for the client's delayed ACK (about 40 ms). Read once per JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService ticker;
  private final RequestLog log;
  private final FaultInjector faults;
  private final Clock clock;
  private final RecurringRunScheduler scheduler;
  private final Inventory inventory;
  private final EnabledHistory enabledHistory;
  private final ReleaseProfile release;
  private final RecordTable<StoredRecurringRun> recurringRuns;

  private KfpEmulator(Builder builder) throws IOException {
    this.clock = builder.clock;
    this.release = builder.release;
    this.log = new RequestLog();
    Random random = new Random(builder.seed);
    this.faults = new FaultInjector(new Random(random.nextLong()));
    IdSource ids = new IdSource(random);
    PipelineStore pipelines = new PipelineStore(!release.kubernetesStore());
    ExperimentStore experiments = new ExperimentStore();
    this.enabledHistory = new EnabledHistory(clock);
    this.recurringRuns = new RecordTable<>("RecurringRun", StoredRecurringRun::id, enabledHistory);
    RecordTable<StoredRun> runs = new RecordTable<>("Run", StoredRun::id);
    KfpState state =
        new KfpState(
            pipelines,
            experiments,
            recurringRuns,
            runs,
            new PipelineIntake(pipelines, ids, clock, builder.multiUser, release),
            new RecurringRunIntake(pipelines, experiments, recurringRuns, ids, clock, release),
            ids,
            clock,
            builder.multiUser,
            release);
    if (!builder.multiUser) {
      experiments.addDefault(
          new StoredExperiment(
              ids.next(),
              "Default",
              "All runs created without specifying an experiment will be grouped here.",
              "",
              clock.instant()));
    }
    this.inventory = new Inventory(pipelines, experiments, recurringRuns);
    this.scheduler =
        new RecurringRunScheduler(recurringRuns, runs, pipelines, ids, builder.runDuration);
    Router router = new Router();
    HealthEndpoints health = new HealthEndpoints(release, builder.multiUser);
    if (builder.apis.v1()) {
      health.register(router, "v1beta1");
      new V1PipelineEndpoints(state).register(router);
      new V1ExperimentEndpoints(state).register(router);
      new V1JobEndpoints(state).register(router);
    }
    if (builder.apis.v2() && release.servesV2()) {
      health.register(router, "v2beta1");
      new V2PipelineEndpoints(state).register(router);
      new V2ExperimentEndpoints(state).register(router);
      new V2RecurringRunEndpoints(state).register(router);
      new V2RunEndpoints(state).register(router);
    }
    this.workers = Executors.newFixedThreadPool(builder.threads, daemon("kfp-emulator-http"));
    this.server =
        HttpServers.http(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 1024);
    server.setExecutor(workers);
    server.createContext(
        "/", new EmulatorHandler(router, faults, log, clock, builder.multiUser, release));
    this.ticker =
        builder.tick == null
            ? null
            : Executors.newSingleThreadScheduledExecutor(daemon("kfp-emulator-scheduler"));
    if (ticker != null) {
      long millis = builder.tick.toMillis();
      ticker.scheduleAtFixedRate(this::runScheduler, millis, millis, TimeUnit.MILLISECONDS);
    }
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}; API paths start with {@code /apis/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public RequestLog log() {
    return log;
  }

  public FaultInjector faults() {
    return faults;
  }

  public Clock clock() {
    return clock;
  }

  /** The KFP release this emulator acts as. */
  public ReleaseProfile release() {
    return release;
  }

  /** Every run the scheduler started, oldest first, with the parameters it really got. */
  public List<StartedRun> startedRuns() {
    return scheduler.startedRuns();
  }

  /**
   * Makes the stored recurring run {@code id} one the server can no longer convert (its runtime
   * config no longer parses), so reads answer it as KFP answers such a record: v2beta1 {@code
   * {recurring_run_id, error}} ({@code server/api_converter.go} {@code toApiRecurringRun}), v1beta1
   * {@code {id, error}} ({@code toApiJobV1}).
   */
  public void breakRecurringRun(String id) {
    recurringRuns.update(id, StoredRecurringRun::broken);
  }

  /** Everything stored now: pipelines, versions, experiments and recurring runs. */
  public List<KfpObjectRow> inventory() {
    return inventory.rows();
  }

  /** Every time a recurring run started or stopped being enabled, oldest first. */
  public List<EnabledTransition> enabledHistory() {
    return enabledHistory.transitions();
  }

  /** Advances the emulator's {@link SettableClock} and fires whatever became due. */
  public void advanceClock(Duration step) {
    if (!(clock instanceof SettableClock settable)) {
      throw new IllegalStateException("The emulator was built with a clock that cannot be set");
    }
    settable.advance(step);
    runScheduler();
  }

  /**
   * Fires the recurring runs due at the clock's current time and finishes runs whose time is up.
   */
  public void runScheduler() {
    scheduler.catchUp(clock.instant());
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Options of an emulator; every one has a default fit for a test. */
  public static final class Builder {

    private int port;
    private ServedApis apis = ServedApis.BOTH;
    private ReleaseProfile release = ReleaseProfile.newest();
    private boolean multiUser;
    private long seed = 1;
    private Clock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Duration runDuration = Duration.ofMinutes(1);
    private Duration tick;
    private int threads = 8;
    private Duration latency = Duration.ZERO;
    private double serverErrorRate;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** The generations to serve; 1.8.5 serves v1beta1 only whatever this says. */
    public Builder apis(ServedApis value) {
      this.apis = value;
      return this;
    }

    /** The KFP release to act as; the default is {@link ReleaseProfile#newest()}. */
    public Builder release(ReleaseProfile value) {
      this.release = value;
      return this;
    }

    /** Multi-user mode: identity required, namespaces kept and required where KFP needs them. */
    public Builder multiUser(boolean value) {
      this.multiUser = value;
      return this;
    }

    /** The seed of ids and fault randomness. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The clock; the default is a {@link SettableClock} at 2026-01-01T00:00:00Z. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** How long (on the emulator's clock) each run stays RUNNING before it SUCCEEDS. */
    public Builder runDuration(Duration value) {
      this.runDuration = value;
      return this;
    }

    /** Runs the scheduler on its own every {@code value} of wall time (for a real clock). */
    public Builder tickEvery(Duration value) {
      this.tick = value;
      return this;
    }

    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** Latency added to every request, so anyone can watch a client cope with a slow KFP. */
    public Builder latency(Duration value) {
      this.latency = value;
      return this;
    }

    /** The share, 0 to 1, of API requests answered with 503. */
    public Builder serverErrorRate(double value) {
      this.serverErrorRate = value;
      return this;
    }

    public KfpEmulator start() {
      try {
        KfpEmulator emulator = new KfpEmulator(this);
        if (!latency.isZero()) {
          emulator.faults().add(FaultRule.latency(null, ".*", latency));
        }
        if (serverErrorRate > 0) {
          emulator.faults().add(FaultRule.serverErrors(null, "/apis/.*", serverErrorRate));
        }
        return emulator;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
