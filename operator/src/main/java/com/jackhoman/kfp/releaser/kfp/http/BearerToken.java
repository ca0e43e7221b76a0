package com.jackhoman.kfp.releaser.kfp.http;

import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * A bearer token kept in a file that rotates (projected service-account tokens): re-read whenever
 * the file's time, size or identity changes, and on demand after KFP answers 401.
 */
final class BearerToken implements Bearer {

  private final Path file;
  private Object stamp;
  private String token;

  BearerToken(Path file) {
    this.file = file;
  }

  /** The token as the file holds it now. */
  @Override
  public synchronized String current() {
    Object now = stampOf(file);
    if (!now.equals(stamp)) {
      token = read();
      stamp = now;
    }
    return token;
  }

  /** Reads the file again after a 401; true when that gave a different token worth a retry. */
  @Override
  public synchronized boolean renewAfterRejection(String refused) {
    String before = token;
    stamp = stampOf(file);
    token = read();
    return !Objects.equals(before, token);
  }

  private String read() {
    try {
      return Files.readString(file).strip();
    } catch (IOException unreadable) {
      throw unreadable(file, unreadable);
    }
  }

  private static KfpUnauthorized unreadable(Path file, IOException cause) {
    return new KfpUnauthorized(0, "Could not read the KFP token file " + file + ": " + cause);
  }

  private static Object stampOf(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(
          attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
    } catch (IOException unreadable) {
      throw unreadable(file, unreadable);
    }
  }
}
