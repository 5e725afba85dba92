package vn.danvan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import vn.danvan.shared.time.WorkingDays;

/**
 * How a due date (or a lock date) is reckoned from the last day of a period's data window. A date
 * that falls on a day off of the business calendar moves to the next working day. Values are
 * checked by {@link PeriodSchedule#errors}, not here.
 */
public sealed interface DueDateRule {

  DueDateKind kind();

  /**
   * The date for a window ending on {@code windowEnd}: always a working day of {@code calendar}.
   */
  LocalDate dueDate(LocalDate windowEnd, WorkingDays calendar);

  /**
   * Day {@code day} of the month {@code monthsAfter} months after the month in which the window
   * ends (0: that month); a day past the end of its month means the last day. On a day off, the
   * next working day. E.g. wards "by the 3rd" of the next month: {@code new DayOfMonth(1, 3)}.
   */
  record DayOfMonth(int monthsAfter, int day) implements DueDateRule {
    static final int MAX_MONTHS_AFTER = 12;

    @Override
    public DueDateKind kind() {
      return DueDateKind.DAY_OF_MONTH;
    }

    @Override
    public LocalDate dueDate(LocalDate windowEnd, WorkingDays calendar) {
      LocalDate date = CutOffRule.day(YearMonth.from(windowEnd).plusMonths(monthsAfter), day);
      return calendar.workingDayOnOrAfter(date);
    }
  }

  /** The {@code workingDays}-th working day after the window ends. */
  record WorkingDaysAfter(int workingDays) implements DueDateRule {
    static final int MAX_WORKING_DAYS = 60;

    @Override
    public DueDateKind kind() {
      return DueDateKind.WORKING_DAYS_AFTER;
    }

    @Override
    public LocalDate dueDate(LocalDate windowEnd, WorkingDays calendar) {
      return calendar.addWorkingDays(windowEnd, workingDays);
    }
  }
}
