package com.jackhoman.kfp.releaser.validate;

import java.util.List;

/**
 * The outcome of checking a set of files.
 *
 * @param problems every problem found, in file order
 * @param files how many files were read
 * @param objects how many of our objects and compiled packages were checked
 * @param schedules one explanation per valid cron schedule (the form KFP gets, the next runs)
 */
public record ValidationReport(
    List<Problem> problems, int files, int objects, List<String> schedules) {

  public ValidationReport {
    problems = List.copyOf(problems);
    schedules = List.copyOf(schedules);
  }

  /** How many problems fail the check. */
  public long errors() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
  }

  /** How many problems are only warnings. */
  public long warnings() {
    return problems.size() - errors();
  }

  /** True when nothing fails the check. */
  public boolean valid() {
    return errors() == 0;
  }

  /** The closing line: what was checked and what was found. */
  public String summary() {
    String checked =
        objects
            + (objects == 1 ? " object" : " objects")
            + " in "
            + files
            + (files == 1 ? " file" : " files");
    if (problems.isEmpty()) {
      return "OK: " + checked + ", no problems";
    }
    return (valid() ? "OK with warnings: " : "INVALID: ")
        + checked
        + ", "
        + errors()
        + (errors() == 1 ? " error" : " errors")
        + ", "
        + warnings()
        + (warnings() == 1 ? " warning" : " warnings");
  }
}
