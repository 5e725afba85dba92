package vn.danvan.reporting;

import vn.danvan.shared.reference.LabeledEnum;

/** How a due (or lock) date is reckoned from the end of a period's data window. */
public enum DueDateKind implements LabeledEnum {
  /**
   * A day of a month counted from the month in which the window ends (e.g. the 5th of the next).
   */
  DAY_OF_MONTH,
  /** A number of working days of the business calendar after the window ends. */
  WORKING_DAYS_AFTER
}
