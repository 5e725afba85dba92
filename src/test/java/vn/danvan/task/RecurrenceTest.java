package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
}
