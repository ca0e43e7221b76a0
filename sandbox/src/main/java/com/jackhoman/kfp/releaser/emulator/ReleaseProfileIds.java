package com.jackhoman.kfp.releaser.emulator;

import java.util.Arrays;
import java.util.Iterator;

/** The accepted {@code --release} ids, listed by picocli in help texts. */
public final class ReleaseProfileIds implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(ReleaseProfile.values()).map(ReleaseProfile::id).iterator();
  }
}
