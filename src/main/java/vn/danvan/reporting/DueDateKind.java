package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** How a due (or lock) date is reckoned from the end of a period's data window. */
@Schema(
    description =
        "Cách tính một hạn từ ngày chốt số liệu: DAY_OF_MONTH (một ngày của tháng, tính từ tháng chốt số liệu),"
            + " WORKING_DAYS_AFTER (số ngày làm việc sau ngày chốt). Hạn rơi vào ngày nghỉ chuyển sang ngày làm việc"
            + " kế tiếp.",
    examples = "DAY_OF_MONTH")
public enum DueDateKind implements LabeledEnum {
  /**
   * A day of a month counted from the month in which the window ends (e.g. the 5th of the next).
   */
  DAY_OF_MONTH,
  /** A number of working days of the business calendar after the window ends. */
  WORKING_DAYS_AFTER
}
