package com.jackhoman.kfp.releaser;

import picocli.CommandLine.IVersionProvider;

/** Reports the version written into the jar's manifest at build time. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"kfp-releaser " + (version == null ? "development build" : version)};
  }
}
