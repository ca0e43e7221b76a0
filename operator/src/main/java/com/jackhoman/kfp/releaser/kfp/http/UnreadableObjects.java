package com.jackhoman.kfp.releaser.kfp.http;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listed KFP objects the client cannot read, each logged once: in single-user KFP every team
 * shares one namespace, so one odd object must not stop the listing for all of them.
 */
final class UnreadableObjects {

  /** One record for the whole process, so a restarted poll does not log the same object again. */
  static final UnreadableObjects SHARED = new UnreadableObjects();

  private static final Logger LOG = LoggerFactory.getLogger(UnreadableObjects.class);
  private static final int REMEMBERED = 10_000;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /** {@code read} applied to {@code listed}, or empty (logged the first time) when it fails. */
  <W, T> Optional<T> readOrSkip(String path, W listed, Function<W, T> read) {
    try {
      return Optional.of(read.apply(listed));
    } catch (RuntimeException unreadable) {
      String seen = path + " " + listed;
      if (logged.size() < REMEMBERED && logged.add(seen)) {
        LOG.warn(
            "Skipped an object KFP listed under {} that kfp-releaser cannot read ({}): {}. It is"
                + " left alone: kfp-releaser never changes or deletes it, and every other object"
                + " syncs on. Remove or fix it in KFP if it is yours.",
            path,
            unreadable.getMessage() == null ? unreadable.toString() : unreadable.getMessage(),
            listed);
      }
      return Optional.empty();
    }
  }
}
