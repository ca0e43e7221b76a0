package com.jackhoman.kfp.releaser.emulator;

/**
 * Judges an uploaded package as KFP 2.x does and returns what the emulator stores, or throws a 400
 * {@link KfpError} with the judge's problems.
 */
@FunctionalInterface
interface PackageReader {

  StoredPackage read(String fileName, String text);
}
