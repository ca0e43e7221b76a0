package com.jackhoman.kfp.releaser.kfp.schedule;

/**
 * The values one cron field allows, as robfig/cron keeps them: one bit per value.
 *
 * @param bits bit {@code v} is set when value {@code v} is allowed
 * @param starred whether the field used {@code *} or {@code ?} (robfig's star bit)
 */
record FieldSet(long bits, boolean starred) {

  /** Returns whether {@code value} is allowed. */
  boolean contains(int value) {
    return (bits & (1L << value)) != 0;
  }

  /** Returns the values of both sets, starred if either is. */
  FieldSet union(FieldSet other) {
    return new FieldSet(bits | other.bits, starred || other.starred);
  }
}
