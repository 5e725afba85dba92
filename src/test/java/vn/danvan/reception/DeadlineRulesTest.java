package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.shared.time.SeededCalendar;

/**
 * The legal deadlines as arithmetic over the seeded business calendar: every rule, extensions,
 * working days over holidays and swapped Saturdays, states.
 */
class DeadlineRulesTest {

  static final DeadlineRules RULES =
      new DeadlineRules(
          Map.ofEntries(
              Map.entry("complaint-acceptance", new DeadlineRules.Rule(10, false)),
              Map.entry("complaint-first", new DeadlineRules.Rule(30, false)),
              Map.entry("complaint-first-complex", new DeadlineRules.Rule(45, false)),
              Map.entry("complaint-first-remote", new DeadlineRules.Rule(45, false)),
              Map.entry("complaint-first-remote-complex", new DeadlineRules.Rule(60, false)),
              Map.entry("complaint-second", new DeadlineRules.Rule(45, false)),
              Map.entry("complaint-second-complex", new DeadlineRules.Rule(60, false)),
              Map.entry("complaint-second-remote", new DeadlineRules.Rule(60, false)),
              Map.entry("complaint-second-remote-complex", new DeadlineRules.Rule(70, false)),
              Map.entry("denunciation-acceptance", new DeadlineRules.Rule(7, true)),
              Map.entry("denunciation-resolution", new DeadlineRules.Rule(30, false)),
              Map.entry("denunciation-extension", new DeadlineRules.Rule(30, false))),
          SeededCalendar.workingDays(),
          3);

  static final LocalDate MON = LocalDate.of(2026, 3, 2);

  private static DeadlineRules.Facts complaint(
      CaseInstance instance,
      boolean complex,
      boolean remote,
      LocalDate accepted,
      LocalDate resolved) {
    return new DeadlineRules.Facts(
        ContentKind.COMPLAINT, instance, complex, false, remote, MON, accepted, resolved, 0);
  }

  @Test
  void everyComplaintRule() {
    LocalDate accepted =
        LocalDate.of(2026, 6, 1); // a Monday, no holiday in the following 70 days but 2/9
    Map<String, Integer> expected =
        Map.of(
            "FIRST",
            30,
            "FIRST-complex",
            45,
            "FIRST-remote",
            45,
            "FIRST-remote-complex",
            60,
            "SECOND",
            45,
            "SECOND-complex",
            60,
            "SECOND-remote",
            60,
            "SECOND-remote-complex",
            70);
    for (CaseInstance instance : CaseInstance.values()) {
      for (boolean remote : List.of(false, true)) {
        for (boolean complex : List.of(false, true)) {
          String key = instance + (remote ? "-remote" : "") + (complex ? "-complex" : "");
          List<DeadlineRules.Deadline> d =
              RULES.compute(complaint(instance, complex, remote, accepted, null), accepted);
          assertThat(d).hasSize(2);
          assertThat(d.get(1).kind()).isEqualTo(DeadlineKind.RESOLUTION);
          assertThat(d.get(1).days()).as(key).isEqualTo(expected.get(key));
          LocalDate due = accepted.plusDays(expected.get(key));
          while (!RULES.isWorkingDay(due)) {
            due = due.plusDays(1);
          }
          assertThat(d.get(1).dueDate()).as(key).isEqualTo(due);
        }
      }
    }
  }

  @Test
  void complaintAcceptanceIsTenDaysAndAResolutionStartsOnlyOnAcceptance() {
    List<DeadlineRules.Deadline> d =
        RULES.compute(complaint(CaseInstance.FIRST, false, false, null, null), MON);
    assertThat(d).hasSize(1);
    assertThat(d.get(0).dueDate()).isEqualTo(LocalDate.of(2026, 3, 12));
    assertThat(d.get(0).state()).isEqualTo(DeadlineState.IN_TERM);
  }

  @Test
  void aCalendarDeadlineEndingOnADayOffMovesToTheNextWorkingDay() {
    // 45 days from 11/3 is Saturday 25/4; Monday 27/4 is a holiday: Tuesday 28/4
    LocalDate accepted = LocalDate.of(2026, 3, 11);
    DeadlineRules.Deadline d =
        RULES.compute(complaint(CaseInstance.FIRST, true, false, accepted, null), accepted).get(1);
    assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 4, 28));
  }

  @Test
  void workingDaysSkipWeekendsAndHolidays() {
    // received Friday 24/4: 28, 29, 4/5, 5, 6, 7, 8 (27/4, 30/4, 1/5 are holidays; 2–3/5 a weekend)
    DeadlineRules.Facts f =
        new DeadlineRules.Facts(
            ContentKind.DENUNCIATION,
            CaseInstance.FIRST,
            false,
            false,
            false,
            LocalDate.of(2026, 4, 24),
            null,
            null,
            0);
    DeadlineRules.Deadline d = RULES.compute(f, LocalDate.of(2026, 4, 24)).get(0);
    assertThat(d.workingDays()).isTrue();
    assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 5, 8));
  }

  private static DeadlineRules.Facts denunciation(LocalDate received) {
    return new DeadlineRules.Facts(
        ContentKind.DENUNCIATION, CaseInstance.FIRST, false, false, false, received, null, null, 0);
  }

  @Test
  void aWorkingDayDeadlineStartedJustBeforeTet2023EndsAfterTheBreak() {
    // received Thursday 19/1/2023; Tết: 20/1 and 23–26/1 off. 7 working days: 27, 30, 31/1, 1, 2,
    // 3, 6/2 (the configuration list of 2026–2027 alone gave Monday 30/1)
    LocalDate received = LocalDate.of(2023, 1, 19);
    DeadlineRules.Deadline d = RULES.compute(denunciation(received), received).get(0);
    assertThat(d.dueDate()).isEqualTo(LocalDate.of(2023, 2, 6));

    // a complaint under a rule of 10 working days lands after Tết as well
    DeadlineRules working =
        new DeadlineRules(
            Map.of("complaint-acceptance", new DeadlineRules.Rule(10, true)),
            SeededCalendar.workingDays(),
            3);
    DeadlineRules.Facts f =
        new DeadlineRules.Facts(
            ContentKind.COMPLAINT,
            CaseInstance.FIRST,
            false,
            false,
            false,
            received,
            null,
            null,
            0);
    assertThat(working.compute(f, received).get(0).dueDate()).isEqualTo(LocalDate.of(2023, 2, 9));
  }

  @Test
  void aCalendarDayDeadlineEndingInTetMovesToTheFirstWorkingDayAfterIt() {
    // complaint received Tuesday 10/1/2023: 10 days end on Friday 20/1, the first day of Tết
    DeadlineRules.Facts f =
        new DeadlineRules.Facts(
            ContentKind.COMPLAINT,
            CaseInstance.FIRST,
            false,
            false,
            false,
            LocalDate.of(2023, 1, 10),
            null,
            null,
            0);
    DeadlineRules.Deadline d = RULES.compute(f, LocalDate.of(2023, 1, 10)).get(0);
    assertThat(d.workingDays()).isFalse();
    assertThat(d.dueDate()).isEqualTo(LocalDate.of(2023, 1, 27));
  }

  @Test
  void theSwappedSaturdaysOf30AprilAreWorkingDays() {
    // 2025: Saturday 26/4 worked, 30/4, 1/5 and Friday 2/5 off. From Friday 25/4: 26, 28, 29/4,
    // 5, 6, 7, 8/5 (without the swap: 28, 29/4, 5, 6, 7, 8, 9/5)
    LocalDate received = LocalDate.of(2025, 4, 25);
    assertThat(RULES.compute(denunciation(received), received).get(0).dueDate())
        .isEqualTo(LocalDate.of(2025, 5, 8));
    // 2024: Monday 29/4 off, Saturday 4/5 worked. From Thursday 25/4: 26/4, 2, 3, 4, 6, 7, 8/5
    LocalDate received2024 = LocalDate.of(2024, 4, 25);
    assertThat(RULES.compute(denunciation(received2024), received2024).get(0).dueDate())
        .isEqualTo(LocalDate.of(2024, 5, 8));
    // a calendar-day deadline may end on a worked Saturday: 30 days from 27/3/2025 is 26/4
    DeadlineRules.Facts f =
        new DeadlineRules.Facts(
            ContentKind.DENUNCIATION,
            CaseInstance.FIRST,
            false,
            false,
            false,
            LocalDate.of(2025, 3, 20),
            LocalDate.of(2025, 3, 27),
            null,
            0);
    assertThat(RULES.compute(f, LocalDate.of(2025, 3, 27)).get(1).dueDate())
        .isEqualTo(LocalDate.of(2025, 4, 26));
  }

  /**
   * The last day of a period starting the day after {@code start}: working days skip weekends and
   * holidays (Tết); a calendar period ending on a day off moves to the next working day.
   */
  @ParameterizedTest(name = "{0} + {1} {2}: {3}")
  @CsvSource(
      textBlock =
          """
          # start (weekday),  days, working days, due
          2026-03-02 (Mon),   7,    true,         2026-03-11
          2026-03-06 (Fri),   1,    true,         2026-03-09
          2026-03-07 (Sat),   1,    true,         2026-03-09
          2026-02-12 (Thu),   1,    true,         2026-02-13
          2026-02-12 (Thu),   2,    true,         2026-02-23
          2026-02-13 (Fri),   1,    true,         2026-02-23
          2026-02-13 (Fri),   5,    true,         2026-02-27
          2026-04-24 (Fri),   7,    true,         2026-05-08
          2026-12-31 (Thu),   1,    true,         2027-01-04
          2026-03-02 (Mon),   10,   false,        2026-03-12
          2026-02-06 (Fri),   10,   false,        2026-02-23
          2026-02-05 (Thu),   10,   false,        2026-02-23
          2026-03-11 (Wed),   45,   false,        2026-04-28
          2026-08-03 (Mon),   30,   false,        2026-09-03
          2026-12-25 (Fri),   7,    false,        2027-01-04
          2026-03-07 (Sat),   0,    false,        2026-03-09
          """)
  void dueDates(String start, int days, boolean workingDays, LocalDate due) {
    assertThat(RULES.due(LocalDate.parse(start.substring(0, 10)), days, workingDays))
        .isEqualTo(due);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2026-02-13, true",
    "2026-02-14, false",
    "2026-02-15, false",
    "2026-02-16, false",
    "2026-02-20, false",
    "2026-02-23, true",
    "2026-09-02, false",
    "2026-09-03, true"
  })
  void workingDays(LocalDate day, boolean working) {
    assertThat(RULES.isWorkingDay(day)).isEqualTo(working);
  }

  @Test
  void denunciationExtensionsAddThirtyDaysEach() {
    LocalDate accepted = LocalDate.of(2026, 5, 4);
    for (int ext = 0; ext <= 2; ext++) {
      DeadlineRules.Facts f =
          new DeadlineRules.Facts(
              ContentKind.DENUNCIATION,
              CaseInstance.FIRST,
              false,
              true,
              false,
              LocalDate.of(2026, 4, 24),
              accepted,
              null,
              ext);
      DeadlineRules.Deadline d = RULES.compute(f, accepted).get(1);
      assertThat(d.days()).isEqualTo(30 + 30 * ext);
    }
    assertThat(DeadlineRules.allowedExtensions(ContentKind.DENUNCIATION, false, false)).isZero();
    assertThat(DeadlineRules.allowedExtensions(ContentKind.DENUNCIATION, true, false)).isEqualTo(1);
    assertThat(DeadlineRules.allowedExtensions(ContentKind.DENUNCIATION, false, true)).isEqualTo(2);
    assertThat(DeadlineRules.allowedExtensions(ContentKind.COMPLAINT, true, true)).isZero();
  }

  /** The state of a deadline due on 12/3/2026, due soon from three days before. */
  @ParameterizedTest(name = "met {0} on {1}: {2}")
  @CsvSource(
      textBlock =
          """
          # met,      today,      state
          ,           2026-03-08, IN_TERM
          ,           2026-03-09, DUE_SOON
          ,           2026-03-12, DUE_SOON
          ,           2026-03-13, OVERDUE
          2026-03-01, 2026-03-21, MET
          2026-03-12, 2026-03-21, MET
          2026-03-13, 2026-03-21, MET_LATE
          2026-03-13, 2026-03-13, MET_LATE
          """)
  void states(LocalDate met, LocalDate today, DeadlineState state) {
    assertThat(RULES.state(LocalDate.of(2026, 3, 12), met, today)).isEqualTo(state);
  }
}
