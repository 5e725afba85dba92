package vn.danvan.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The working days of a business calendar: Monday to Friday, except the listed days, which decide
 * for themselves (a holiday or a day off on a weekday is not worked, a swapped Saturday is). Pure
 * and immutable: no database, no clock.
 */
public final class WorkingDays {

  private final NavigableMap<LocalDate, CalendarDay> listed;

  private WorkingDays(NavigableMap<LocalDate, CalendarDay> listed) {
    this.listed = listed;
  }

  /** The calendar of these listed days (one per date). */
  public static WorkingDays of(Collection<CalendarDay> days) {
    NavigableMap<LocalDate, CalendarDay> map = new TreeMap<>();
    for (CalendarDay d : days) {
      if (map.put(d.date(), d) != null) {
        throw new IllegalArgumentException("Day listed twice: " + d.date());
      }
    }
    return new WorkingDays(java.util.Collections.unmodifiableNavigableMap(map));
  }

  /** Only the default rule: Monday to Friday. */
  public static WorkingDays weekdaysOnly() {
    return of(List.of());
  }

  public static boolean isWeekend(LocalDate day) {
    DayOfWeek w = day.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }

  public boolean isWorkingDay(LocalDate day) {
    CalendarDay d = listed.get(day);
    return d == null ? !isWeekend(day) : d.workingDay();
  }

  /**
   * The {@code n}-th working day after {@code day} when {@code n > 0}, before it when {@code n <
   * 0}; {@code day} itself when {@code n == 0}. {@code day} is never counted.
   */
  public LocalDate addWorkingDays(LocalDate day, int n) {
    int step = Integer.signum(n);
    long remaining = Math.abs((long) n);
    LocalDate d = day;
    while (remaining > 0) {
      d = d.plusDays(step);
      if (isWorkingDay(d)) {
        remaining--;
      }
    }
    return d;
  }

  /** The first working day after {@code day} (strictly after). */
  public LocalDate nextWorkingDay(LocalDate day) {
    return addWorkingDays(day, 1);
  }

  /** {@code day} when it is a working day, else the first working day after it. */
  public LocalDate workingDayOnOrAfter(LocalDate day) {
    return isWorkingDay(day) ? day : nextWorkingDay(day);
  }

  /**
   * The working days after {@code from} up to and including {@code to}; negative when {@code to}
   * lies before {@code from}. So {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** The working days of a calendar year. */
  public int workingDaysIn(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    return workingDaysBetween(first.minusDays(1), first.withDayOfYear(first.lengthOfYear()));
  }

  /** The listed days of a year, in date order. */
  public List<CalendarDay> listed(int year) {
    return List.copyOf(
        listed.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
  }

  /** The listed days off of a year (holidays, compensatory and swapped days off), in order. */
  public List<LocalDate> daysOff(int year) {
    return listed(year).stream().filter(d -> !d.workingDay()).map(CalendarDay::date).toList();
  }

  /** This calendar with {@code day} listed (replacing its listing, if any). */
  public WorkingDays with(CalendarDay day) {
    NavigableMap<LocalDate, CalendarDay> map = new TreeMap<>(listed);
    map.put(day.date(), day);
    return new WorkingDays(java.util.Collections.unmodifiableNavigableMap(map));
  }

  /** This calendar with {@code day} unlisted. */
  public WorkingDays without(LocalDate day) {
    NavigableMap<LocalDate, CalendarDay> map = new TreeMap<>(listed);
    map.remove(day);
    return new WorkingDays(java.util.Collections.unmodifiableNavigableMap(map));
  }

  /** Every listed day, by date. */
  public Map<LocalDate, CalendarDay> listed() {
    return listed;
  }
}
