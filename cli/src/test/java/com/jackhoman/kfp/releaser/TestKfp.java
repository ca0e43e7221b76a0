package com.jackhoman.kfp.releaser;

import com.jackhoman.kfp.releaser.emulator.KfpEmulator;
import com.jackhoman.kfp.releaser.emulator.ReleaseProfile;

/**
 * The KFP the operator ITs run against: the emulator acting as the release {@code
 * -Dkfp.test.release} names (the pom runs the kind ITs once per release), else the newest.
 */
public final class TestKfp {

  /** The release under test. */
  public static final ReleaseProfile RELEASE =
      ReleaseProfile.parse(System.getProperty("kfp.test.release", ReleaseProfile.newest().id()));

  private TestKfp() {}

  /** An emulator builder for the release under test. */
  public static KfpEmulator.Builder emulator() {
    return KfpEmulator.builder().release(RELEASE);
  }
}
