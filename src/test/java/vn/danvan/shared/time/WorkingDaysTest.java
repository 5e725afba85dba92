package vn.danvan.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic of working days over the seeded calendar of 2020–2027, without a database. */
class WorkingDaysTest {

  static final WorkingDays CALENDAR = SeededCalendar.workingDays();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    // an ordinary week, and its weekend
    "2023-03-08, true",
    "2023-03-11, false",
    "2023-03-12, false",
    // Tết 2023: Friday 20/1, then Monday 23/1 to Thursday 26/1; Friday 27/1 is worked
    "2023-01-19, true",
    "2023-01-20, false",
    "2023-01-23, false",
    "2023-01-26, false",
    "2023-01-27, true",
    // New Year 2023 fell on a Sunday: Monday 2/1 off instead
    "2023-01-02, false",
    // 30/4–1/5 2024: Monday 29/4 swapped with Saturday 4/5
    "2024-04-29, false",
    "2024-05-04, true",
    "2024-05-05, false",
    // 30/4–1/5 2025: Friday 2/5 swapped with Saturday 26/4
    "2025-04-26, true",
    "2025-05-02, false",
    "2025-05-03, false",
    // 2/9 2023 was a Saturday: Monday 4/9 off
    "2023-09-04, false",
    // beyond the listed years the default rule holds
    "2031-01-01, true",
    "2019-12-31, true",
  })
  void workingDays(LocalDate day, boolean working) {
    assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
    // just before Tết 2023: the break is skipped
    "2023-01-19, 1, 2023-01-27",
    "2023-01-19, 7, 2023-02-06",
    "2023-01-19, 10, 2023-02-09",
    // backwards over it
    "2023-01-27, -1, 2023-01-19",
    "2023-02-06, -7, 2023-01-19",
    // 2024: 29/4–1/5 off, Saturday 4/5 worked
    "2024-04-25, 2, 2024-05-02",
    "2024-04-25, 4, 2024-05-04",
    "2024-04-25, 7, 2024-05-08",
    // 2025: Saturday 26/4 worked, 30/4–2/5 off
    "2025-04-25, 1, 2025-04-26",
    "2025-04-25, 3, 2025-04-29",
    "2025-04-25, 4, 2025-05-05",
    "2025-04-25, 7, 2025-05-08",
    // weekends and year boundaries: 1/1 2027 is a Friday, 2026-12-31 a Thursday
    "2026-12-31, 1, 2027-01-04",
    "2027-01-04, -1, 2026-12-31",
    "2021-12-31, 1, 2022-01-04",
    "2023-03-10, 1, 2023-03-13",
    "2023-03-11, 0, 2023-03-11",
    "2023-03-11, 1, 2023-03-13",
  })
  void addWorkingDays(LocalDate start, int n, LocalDate expected) {
    assertThat(CALENDAR.addWorkingDays(start, n)).isEqualTo(expected);
    assertThat(CALENDAR.workingDaysBetween(start, expected)).isEqualTo(n);
  }

  @Test
  void nextWorkingDayIsStrictlyAfterAndOnOrAfterMayBeTheDayItself() {
    assertThat(CALENDAR.nextWorkingDay(d("2023-01-19"))).isEqualTo(d("2023-01-27"));
    assertThat(CALENDAR.nextWorkingDay(d("2023-01-20"))).isEqualTo(d("2023-01-27"));
    assertThat(CALENDAR.workingDayOnOrAfter(d("2023-01-20"))).isEqualTo(d("2023-01-27"));
    assertThat(CALENDAR.workingDayOnOrAfter(d("2023-01-19"))).isEqualTo(d("2023-01-19"));
    assertThat(CALENDAR.workingDayOnOrAfter(d("2025-04-26"))).isEqualTo(d("2025-04-26"));
  }

  @Test
  void workingDaysBetweenCountsTheEndNotTheStart() {
    assertThat(CALENDAR.workingDaysBetween(d("2023-01-19"), d("2023-01-19"))).isZero();
    assertThat(CALENDAR.workingDaysBetween(d("2023-01-19"), d("2023-01-26"))).isZero();
    assertThat(CALENDAR.workingDaysBetween(d("2023-01-19"), d("2023-01-27"))).isEqualTo(1);
    assertThat(CALENDAR.workingDaysBetween(d("2023-01-27"), d("2023-01-19"))).isEqualTo(-1);
    // a whole year: 2024 has 262 weekdays, 12 of them off (one swapped), one Saturday worked
    assertThat(CALENDAR.workingDaysIn(2024)).isEqualTo(262 - 12 + 1);
  }

  @Test
  void daysOffOfAYear() {
    assertThat(CALENDAR.daysOff(2025))
        .containsExactly(
            d("2025-01-01"),
            d("2025-01-27"),
            d("2025-01-28"),
            d("2025-01-29"),
            d("2025-01-30"),
            d("2025-01-31"),
            d("2025-04-07"),
            d("2025-04-30"),
            d("2025-05-01"),
            d("2025-05-02"),
            d("2025-09-01"),
            d("2025-09-02"));
    assertThat(CALENDAR.listed(2025)).hasSize(13);
    assertThat(CALENDAR.daysOff(2030)).isEmpty();
  }

  @Test
  void theSeedListsEveryYearItsStatutoryDaysOff() {
    // Labour Code 2019 Art. 112: 11 days a year from 2021 (10 before: Quốc khánh had one day);
    // each falls on a weekday or has a compensatory day; swaps add as many days off as Saturdays
    Map<Integer, List<CalendarDay>> byYear =
        SeededCalendar.days().stream().collect(Collectors.groupingBy(c -> c.date().getYear()));
    assertThat(byYear.keySet())
        .containsExactlyInAnyOrder(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
    byYear.forEach(
        (year, days) -> {
          long holidays = days.stream().filter(c -> c.kind() == CalendarDayKind.HOLIDAY).count();
          long weekendHolidays =
              days.stream()
                  .filter(c -> c.kind() == CalendarDayKind.HOLIDAY)
                  .filter(c -> WorkingDays.isWeekend(c.date()))
                  .count();
          long compensatory =
              days.stream().filter(c -> c.kind() == CalendarDayKind.COMPENSATORY_DAY_OFF).count();
          long swappedOff =
              days.stream().filter(c -> c.kind() == CalendarDayKind.SWAPPED_DAY_OFF).count();
          long swappedOn =
              days.stream().filter(c -> c.kind() == CalendarDayKind.SWAPPED_WORKING_DAY).count();
          int statutory = year < 2021 ? 10 : 11;
          // 2023: Tết's two weekend days are compensated inside the listed Tết break
          assertThat(holidays - weekendHolidays + compensatory)
              .as("weekdays off by law in %d", year)
              .isEqualTo(statutory);
          assertThat(swappedOff).as("swaps of %d", year).isEqualTo(swappedOn);
          assertThat(days)
              .allSatisfy(
                  c -> assertThat(c.kind().allowedOn(WorkingDays.isWeekend(c.date()))).isTrue());
          assertThat(
                  days.stream()
                      .filter(c -> c.date().getMonthValue() == 1 && c.date().getDayOfMonth() == 1))
              .as("New Year %d", year)
              .hasSize(1);
        });
    assertThat(SeededCalendar.days())
        .filteredOn(c -> c.date().equals(d("2023-01-20")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.nameVi()).isEqualTo("Tết Nguyên đán");
              assertThat(c.date().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            });
  }

  @Test
  void aDayIsListedOnce() {
    CalendarDay day =
        new CalendarDay(d("2030-01-01"), CalendarDayKind.HOLIDAY, "Tết Dương lịch", null, "x", 0);
    assertThatThrownBy(() -> WorkingDays.of(List.of(day, day)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WorkingDays.weekdaysOnly().isWorkingDay(d("2030-01-01"))).isTrue();
  }
}
