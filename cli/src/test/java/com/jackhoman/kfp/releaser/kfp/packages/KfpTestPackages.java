package com.jackhoman.kfp.releaser.kfp.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the real compiled KFP packages copied under {@code cli/src/test/resources/kfp-packages}.
 */
final class KfpTestPackages {

  private KfpTestPackages() {}

  /** Returns the text of the package file {@code fileName}. */
  static String text(String fileName) {
    try (InputStream in = KfpTestPackages.class.getResourceAsStream("/kfp-packages/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no test package " + fileName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Judges the package file {@code fileName} as an upload of it would be judged. */
  static PipelinePackage judged(String fileName) throws InvalidPackageException {
    return new PackageJudge().judgeFile(fileName, text(fileName));
  }
}
