package com.jackhoman.kfp.releaser.emulator;

import java.util.List;
import java.util.Locale;

/** One filter predicate: a field key, an operation and the value(s) to compare with. */
record Predicate(String key, Operation operation, List<Comparable<?>> values) {

  /** The filter operations KFP knows, with their proto numbers. */
  enum Operation {
    EQUALS(1),
    NOT_EQUALS(2),
    GREATER_THAN(3),
    GREATER_THAN_EQUALS(5),
    LESS_THAN(6),
    LESS_THAN_EQUALS(7),
    IN(8),
    IS_SUBSTRING(9);

    private final int number;

    Operation(int number) {
      this.number = number;
    }

    static Operation parse(String text) {
      for (Operation operation : values()) {
        if (operation.name().equals(text) || Integer.toString(operation.number).equals(text)) {
          return operation;
        }
      }
      throw KfpError.invalidArgument("Invalid filter operation: " + text);
    }
  }

  <T> boolean matches(T row, FieldTable<T> table) {
    Comparable<?> actual = table.value(row, key);
    Comparable<?> expected = values.get(0);
    return switch (operation) {
      case EQUALS -> compare(actual, expected) == 0;
      case NOT_EQUALS -> compare(actual, expected) != 0;
      case GREATER_THAN -> compare(actual, expected) > 0;
      case GREATER_THAN_EQUALS -> compare(actual, expected) >= 0;
      case LESS_THAN -> compare(actual, expected) < 0;
      case LESS_THAN_EQUALS -> compare(actual, expected) <= 0;
      case IN -> values.stream().anyMatch(value -> compare(actual, value) == 0);
      case IS_SUBSTRING ->
          actual
              .toString()
              .toLowerCase(Locale.ROOT)
              .contains(expected.toString().toLowerCase(Locale.ROOT));
    };
  }

  /** Compares two field values: numbers numerically, anything else as text. */
  static int compare(Comparable<?> left, Comparable<?> right) {
    if (left instanceof Long a && right instanceof Long b) {
      return Long.compare(a, b);
    }
    return left.toString().compareTo(right.toString());
  }
}
