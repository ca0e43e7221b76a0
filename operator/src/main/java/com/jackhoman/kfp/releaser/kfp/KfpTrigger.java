package com.jackhoman.kfp.releaser.kfp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a recurring run fires: a KFP cron expression or a fixed interval, each with an optional
 * window.
 */
public sealed interface KfpTrigger {

  /** The first moment the trigger may fire, if bounded. */
  Optional<Instant> start();

  /** The last moment the trigger may fire, if bounded. */
  Optional<Instant> end();

  /** Fires on a KFP cron expression (6 fields, seconds first). */
  record Cron(String expression, Optional<Instant> start, Optional<Instant> end)
      implements KfpTrigger {}

  /** Fires every {@code interval} (whole seconds, at least one). */
  record Periodic(Duration interval, Optional<Instant> start, Optional<Instant> end)
      implements KfpTrigger {}
}
