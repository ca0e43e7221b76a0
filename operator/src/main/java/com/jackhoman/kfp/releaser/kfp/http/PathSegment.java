package com.jackhoman.kfp.releaser.kfp.http;

import java.nio.charset.StandardCharsets;

/**
 * One value (an id) as a single segment of a KFP URL path: every character outside the unreserved
 * set is percent-encoded, so a value holding {@code /}, {@code ?}, {@code #} or {@code %} cannot
 * reach another path, and {@code .} and {@code ..} cannot climb one.
 */
public final class PathSegment {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

  private PathSegment() {}

  /** {@code value} percent-encoded as one path segment. */
  public static String of(String value) {
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E");
    }
    StringBuilder encoded = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (b >= 0 && UNRESERVED.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return encoded.toString();
  }
}
