package com.jackhoman.kfp.releaser.emulator;

import java.util.Random;
import java.util.UUID;

/** Hands out version-4-shaped UUIDs drawn from a seeded random source, so ids repeat per seed. */
final class IdSource {

  private final Random random;

  IdSource(Random random) {
    this.random = random;
  }

  synchronized String next() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
