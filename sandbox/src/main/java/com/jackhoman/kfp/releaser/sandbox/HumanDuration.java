package com.jackhoman.kfp.releaser.sandbox;

import java.time.Duration;

/** Ages as kubectl prints them ({@code 51s}, {@code 2m17s}, {@code 5h30m}, {@code 3d5h}). */
final class HumanDuration {

  private HumanDuration() {}

  /** apimachinery's {@code duration.HumanDuration}. */
  static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    if (hours < 24 * 365 * 8) {
      long d = (hours / 24) % 365;
      return d == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + d + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
