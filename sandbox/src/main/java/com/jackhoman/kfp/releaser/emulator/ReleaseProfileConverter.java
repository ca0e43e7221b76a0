package com.jackhoman.kfp.releaser.emulator;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --release} value as a {@link ReleaseProfile}, failing as a picocli usage error.
 */
public final class ReleaseProfileConverter implements ITypeConverter<ReleaseProfile> {

  @Override
  public ReleaseProfile convert(String value) {
    try {
      return ReleaseProfile.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
