package com.jackhoman.kfp.releaser.kfp.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hides bearer tokens in KFP's error answers before they become exception messages (and so log
 * lines, events and status): KFP or a proxy in front of it may echo the Authorization header back.
 */
final class TokenMask {

  /** What a hidden token reads as. */
  static final String HIDDEN = "[hidden]";

  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9\\-._~+/]+=*");

  private TokenMask() {}

  /** {@code text} with the token sent (if any) and anything after a "Bearer " hidden. */
  static String hide(String text, Optional<String> sentToken) {
    String masked = BEARER.matcher(text).replaceAll("$1" + HIDDEN);
    return sentToken
        .filter(token -> !token.isBlank())
        .map(token -> masked.replace(token, HIDDEN))
        .orElse(masked);
  }
}
