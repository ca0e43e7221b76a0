package com.jackhoman.kfp.releaser.recurringrun;

import java.util.List;

/** A RecurringRun spec KFP would refuse, with every problem found, for an InvalidSpec condition. */
final class InvalidRunSpec extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidRunSpec(List<String> problems) {
    super(String.join("; ", problems));
  }
}
