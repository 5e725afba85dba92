package vn.danvan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where a regular period's data window lies, as days of months counted from the period's months:
 * the window starts on {@code startDay} of the month {@code startMonths} from the period's first
 * month and ends on {@code endDay} of the month {@code endMonths} from its last month. A day past
 * the end of its month means the month's last day (31 always does).
 *
 * <p>{@link #DECREE_09} is the rule of Decree 09/2019/NĐ-CP Art. 12: from the 15th of the month
 * before the period to the 14th of its last month — a month from the 15th of the previous month, a
 * half year or a year from 15/12 of the previous year, nine months to 14/9. A local plan may set
 * its own window, e.g. Gò Vấp's KH 847/KH-UBND (2023) asks for the 6-month report before 05/5, so
 * its window must end earlier than 14/6.
 *
 * <p>Values are checked by {@link PeriodSchedule#errors}, not here.
 */
public record CutOffRule(int startMonths, int startDay, int endMonths, int endDay) {

  /** Decree 09/2019: from the 15th of the month before the period to the 14th of its last month. */
  public static final CutOffRule DECREE_09 = new CutOffRule(-1, 15, 0, 14);

  /** The period's own calendar months, first to last day. */
  public static final CutOffRule CALENDAR_MONTHS = new CutOffRule(0, 1, 0, 31);

  static final int MAX_MONTHS = 12;
  static final int MAX_DAY = 31;

  /**
   * The data window of a regular period; the days are not checked against each other.
   *
   * @throws IllegalArgumentException for an ad-hoc period, whose window is given, not reckoned
   */
  LocalDate[] bounds(PeriodCode period) {
    if (!period.frequency().regular()) {
      throw new IllegalArgumentException("An ad-hoc period's window is given: " + period);
    }
    return new LocalDate[] {
      day(period.firstMonth().plusMonths(startMonths), startDay),
      day(period.lastMonth().plusMonths(endMonths), endDay)
    };
  }

  /**
   * The data window of a regular period.
   *
   * @throws IllegalArgumentException for an ad-hoc period, or when the window would end before it
   *     starts
   */
  public DataWindow window(PeriodCode period) {
    LocalDate[] b = bounds(period);
    return new DataWindow(b[0], b[1]);
  }

  public boolean isDecree09() {
    return equals(DECREE_09);
  }

  static LocalDate day(YearMonth month, int day) {
    return month.atDay(Math.min(day, month.lengthOfMonth()));
  }
}
