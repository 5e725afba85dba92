package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates of a recurrence, without a database. */
class RecurrenceTest {

  @Test
  void monthlyOnADayPastTheEndOfAMonthFallsOnItsLastDay() {
    Recurrence r =
        new Recurrence(RecurrenceFrequency.MONTHLY, 31, null, LocalDate.parse("2028-01-10"), null);
    assertThat(r.dates(LocalDate.parse("2028-04-30"), 100))
        .extracting(LocalDate::toString)
        .containsExactly("2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30");
  }

  @Test
  void semiannualAndYearlyFollowTheirMonth() {
    Recurrence sixMonths =
        new Recurrence(RecurrenceFrequency.SEMIANNUAL, 5, 11, LocalDate.parse("2023-03-10"), null);
    assertThat(sixMonths.dates(LocalDate.parse("2024-06-01"), 100))
        .extracting(LocalDate::toString)
        .containsExactly("2023-05-05", "2023-11-05", "2024-05-05");
    Recurrence yearly =
        new Recurrence(
            RecurrenceFrequency.YEARLY,
            5,
            11,
            LocalDate.parse("2023-11-05"),
            LocalDate.parse("2025-12-31"));
    assertThat(yearly.dates(LocalDate.parse("2030-01-01"), 100))
        .extracting(LocalDate::toString)
        .containsExactly("2023-11-05", "2024-11-05", "2025-11-05");
    Recurrence quarterly =
        new Recurrence(RecurrenceFrequency.QUARTERLY, 25, 3, LocalDate.parse("2030-01-01"), null);
    assertThat(quarterly.dates(LocalDate.parse("2030-12-31"), 2))
        .extracting(LocalDate::toString)
        .containsExactly("2030-03-25", "2030-06-25");
  }

  /** The scheduled dates until a day, at most {@code max}: every frequency, month ends, bounds. */
  @ParameterizedTest(name = "{0} day {1} month {2} from {3} to {4}, until {5}")
  @CsvSource(
      textBlock =
          """
          # frequency, day, month, start,     end,        until,      max, dates
          MONTHLY,    30,  ,      2027-01-31, ,           2027-03-31, 100, 2027-02-28 2027-03-30
          MONTHLY,    5,   ,      2030-01-05, 2030-03-04, 2030-12-31, 100, 2030-01-05 2030-02-05
          MONTHLY,    5,   ,      2030-01-01, ,           2030-02-05, 100, 2030-01-05 2030-02-05
          MONTHLY,    1,   ,      2030-01-01, ,           2030-12-31, 3,   2030-01-01 2030-02-01 2030-03-01
          MONTHLY,    5,   ,      2030-06-01, ,           2030-05-31, 100, ''
          QUARTERLY,  25,  11,    2030-01-01, ,           2030-12-31, 100, 2030-02-25 2030-05-25 2030-08-25 2030-11-25
          SEMIANNUAL, 31,  2,     2030-01-01, ,           2030-12-31, 100, 2030-02-28 2030-08-31
          YEARLY,     29,  2,     2027-01-01, ,           2029-12-31, 100, 2027-02-28 2028-02-29 2029-02-28
          YEARLY,     5,   11,    2030-11-06, ,           2032-12-31, 100, 2031-11-05 2032-11-05
          """)
  void scheduledDates(
      RecurrenceFrequency frequency,
      int day,
      Integer month,
      LocalDate start,
      LocalDate end,
      LocalDate until,
      int max,
      String dates) {
    Recurrence r = new Recurrence(frequency, day, month, start, end);
    assertThat(r.dates(until, max))
        .extracting(LocalDate::toString)
        .containsExactly(dates.isEmpty() ? new String[0] : dates.split(" "));
  }
}
