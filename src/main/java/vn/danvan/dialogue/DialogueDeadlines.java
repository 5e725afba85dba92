package vn.danvan.dialogue;

import java.time.LocalDate;
import java.time.MonthDay;
import vn.danvan.shared.time.WorkingDays;

/**
 * The due dates of a dialogue's obligations ({@link DialogueConfig}): pure arithmetic over the
 * business calendar, no database, no clock.
 *
 * @param announceDaysBefore the announcement is due this many days before the planned date
 * @param resultsDaysAfter the results are due this many days after the held (or planned) date
 * @param resultsNextWorkingDay a results due date on a day off moves to the next working day
 */
public record DialogueDeadlines(
    int announceDaysBefore,
    boolean announceWorkingDays,
    int resultsDaysAfter,
    boolean resultsWorkingDays,
    boolean resultsNextWorkingDay,
    WorkingDays calendar) {

  /** The yearly obligation is due on the year's last day. */
  public static final MonthDay YEARLY_DUE = MonthDay.of(12, 31);

  /** The last day to announce a dialogue planned on {@code planned}; never shifted. */
  public LocalDate announcementDue(LocalDate planned) {
    return announceWorkingDays
        ? calendar.addWorkingDays(planned, -announceDaysBefore)
        : planned.minusDays(announceDaysBefore);
  }

  /** The last day to publish the results of a dialogue held (or planned) on {@code held}. */
  public LocalDate resultsDue(LocalDate held) {
    LocalDate due =
        resultsWorkingDays
            ? calendar.addWorkingDays(held, resultsDaysAfter)
            : held.plusDays(resultsDaysAfter);
    return resultsNextWorkingDay ? calendar.workingDayOnOrAfter(due) : due;
  }

  /** The due date of the yearly obligation of {@code year}. */
  public static LocalDate yearlyDue(int year) {
    return YEARLY_DUE.atYear(year);
  }
}
