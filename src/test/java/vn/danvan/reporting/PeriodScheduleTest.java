package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.reporting.DueDateRule.DayOfMonth;
import vn.danvan.reporting.DueDateRule.WorkingDaysAfter;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.time.SeededCalendar;
import vn.danvan.shared.time.WorkingDays;

/** Data windows, due dates and lock dates of periods, over the seeded calendar of 2020–2027. */
class PeriodScheduleTest {

  static final WorkingDays CALENDAR = SeededCalendar.workingDays();

  /** Gò Vấp's KH 847/KH-UBND (2023): the 6-month report before 05/5, the annual before 05/11. */
  static final CutOffRule GO_VAP = new CutOffRule(-1, 15, -2, 14);

  private static PeriodCode code(String text) {
    return PeriodCode.tryParse(text).orElseThrow();
  }

  private static PeriodSchedule schedule(
      ReportingFrequency frequency, CutOffRule cutOff, DueDateRule lock, LevelRule... levels) {
    return new PeriodSchedule(frequency, cutOff, List.of(levels), lock, CALENDAR);
  }

  private static LevelRule level(String level, DueDateRule rule) {
    return new LevelRule(level, rule);
  }

  @ParameterizedTest(name = "{0}: {1} to {2}")
  @CsvSource({
    // Decree 09/2019 Art. 12: from the 15th of the month before the period to the 14th of its last
    "2026M05, 2026-04-15, 2026-05-14",
    "2026M01, 2025-12-15, 2026-01-14",
    "2026M03, 2026-02-15, 2026-03-14",
    "2026Q1,  2025-12-15, 2026-03-14",
    "2026Q2,  2026-03-15, 2026-06-14",
    "2026Q4,  2026-09-15, 2026-12-14",
    "2026S1,  2025-12-15, 2026-06-14",
    "2026S2,  2026-06-15, 2026-12-14",
    "2026N9,  2025-12-15, 2026-09-14",
    "2026,    2025-12-15, 2026-12-14",
  })
  void decree09Windows(String period, LocalDate from, LocalDate to) {
    assertThat(CutOffRule.DECREE_09.window(code(period))).isEqualTo(new DataWindow(from, to));
    assertThat(CutOffRule.DECREE_09.isDecree09()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1}: {2} to {3}")
  @CsvSource({
    "0, 1, 0, 31, 2024M02, 2024-02-01, 2024-02-29",
    "0, 1, 0, 31, 2026Q2,  2026-04-01, 2026-06-30",
    "0, 1, 0, 30, 2026M02, 2026-02-01, 2026-02-28",
    // Gò Vấp: the window closes two months before the period's last month
    "-1, 15, -2, 14, 2023S1, 2022-12-15, 2023-04-14",
    "-1, 15, -2, 14, 2023,   2022-12-15, 2023-10-14",
  })
  void explicitWindows(
      int startMonths,
      int startDay,
      int endMonths,
      int endDay,
      String period,
      LocalDate from,
      LocalDate to) {
    CutOffRule rule = new CutOffRule(startMonths, startDay, endMonths, endDay);
    assertThat(rule.window(code(period))).isEqualTo(new DataWindow(from, to));
    assertThat(rule.isDecree09()).isFalse();
  }

  @Test
  void adHocWindowsAreGivenNotReckoned() {
    PeriodSchedule adHoc =
        schedule(
            ReportingFrequency.AD_HOC,
            CutOffRule.DECREE_09,
            new DayOfMonth(1, 10),
            level("COMMUNE", new WorkingDaysAfter(3)));
    assertThatThrownBy(() -> adHoc.period(code("2023A01")))
        .isInstanceOf(IllegalArgumentException.class);
    DataWindow window = new DataWindow(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 19));
    ReportingPeriod period = adHoc.period(code("2023A01"), window);
    // Tết 2023: 20/1 and 23–26/1 off
    assertThat(period.dueDate("COMMUNE")).contains(LocalDate.of(2023, 1, 31));
    assertThat(period.lockDate()).isEqualTo(LocalDate.of(2023, 2, 10));
    assertThat(adHoc.errors(List.of(code("2023A01")))).isEmpty();
  }

  @ParameterizedTest(name = "{0}, {1} {2}/{3}: {4}")
  @CsvSource({
    // Tết 2023 (20/1, 23–26/1 off): the window of 2023M01 ends on Saturday 14/1
    "2023M01, DAY_OF_MONTH,       0, 20, 2023-01-27",
    "2023M01, WORKING_DAYS_AFTER, 0, 1,  2023-01-16",
    "2023M01, WORKING_DAYS_AFTER, 0, 5,  2023-01-27",
    "2023M01, DAY_OF_MONTH,       1, 3,  2023-02-03",
    // Tết 2024 (8–9/2, 12–14/2 off): the window of 2024M02 ends on a day of Tết
    "2024M02, WORKING_DAYS_AFTER, 0, 1,  2024-02-15",
    "2024M01, DAY_OF_MONTH,       1, 8,  2024-02-15",
    "2024M01, DAY_OF_MONTH,       1, 10, 2024-02-15",
    "2024M01, DAY_OF_MONTH,       1, 16, 2024-02-16",
    // 30/4–1/5 2025: Saturday 26/4 worked, 30/4–2/5 off
    "2025M04, DAY_OF_MONTH,       0, 30, 2025-05-05",
    "2025M04, DAY_OF_MONTH,       0, 26, 2025-04-26",
    "2025M04, WORKING_DAYS_AFTER, 0, 10, 2025-04-26",
    "2025M04, WORKING_DAYS_AFTER, 0, 11, 2025-04-28",
    "2025M04, WORKING_DAYS_AFTER, 0, 12, 2025-04-29",
    "2025M04, WORKING_DAYS_AFTER, 0, 13, 2025-05-05",
    // the day past the end of a month is its last day: 31/4 -> 30/4 -> 5/5
    "2025M03, DAY_OF_MONTH,       1, 31, 2025-05-05",
    // a quarter and a year across the new year
    "2025Q4,  DAY_OF_MONTH,       0, 20, 2025-12-22",
    "2025,    DAY_OF_MONTH,       1, 5,  2026-01-05",
  })
  void dueDates(String period, DueDateKind kind, int monthsAfter, int n, LocalDate expected) {
    DueDateRule rule =
        kind == DueDateKind.DAY_OF_MONTH ? new DayOfMonth(monthsAfter, n) : new WorkingDaysAfter(n);
    assertThat(rule.kind()).isEqualTo(kind);
    PeriodCode code = code(period);
    PeriodSchedule schedule =
        schedule(code.frequency(), CutOffRule.DECREE_09, rule, level("COMMUNE", rule));
    ReportingPeriod p = schedule.period(code);
    assertThat(p.dueDates()).containsExactly(new LevelDueDate("COMMUNE", expected));
    assertThat(p.lockDate()).isEqualTo(expected);
    assertThat(CALENDAR.isWorkingDay(expected)).isTrue();
  }

  @Test
  void goVap2023SixMonthReport() {
    // wards "by the 3rd", the district "by the 5th": 3/5/2023 is a compensatory day off
    PeriodSchedule goVap =
        schedule(
            ReportingFrequency.SEMI_ANNUAL,
            GO_VAP,
            new DayOfMonth(1, 15),
            level("COMMUNE", new DayOfMonth(1, 3)),
            level("DISTRICT", new DayOfMonth(1, 5)));
    assertThat(goVap.period(code("2023S1")))
        .isEqualTo(
            new ReportingPeriod(
                code("2023S1"),
                ReportingFrequency.SEMI_ANNUAL,
                new DataWindow(LocalDate.of(2022, 12, 15), LocalDate.of(2023, 4, 14)),
                List.of(
                    new LevelDueDate("COMMUNE", LocalDate.of(2023, 5, 4)),
                    new LevelDueDate("DISTRICT", LocalDate.of(2023, 5, 5))),
                LocalDate.of(2023, 5, 15)));
    assertThat(goVap.errors(List.of(code("2023S1"), code("2023S2"), code("2024S1")))).isEmpty();
  }

  @Test
  void goVap2023ReportsBeforeThe5thLiterally() {
    // "trước ngày 05": by the 4th. A day off moves a due date later, never earlier: Saturday
    // 4/11/2023 gives Monday 6/11, past the plan's "before 05/11"
    PeriodSchedule units =
        schedule(
            ReportingFrequency.SEMI_ANNUAL,
            GO_VAP,
            new DayOfMonth(1, 4),
            level("COMMUNE", new DayOfMonth(1, 4)));
    assertThat(units.period(code("2023S1")).dueDate("COMMUNE")).contains(LocalDate.of(2023, 5, 4));
    PeriodSchedule annual = units.withFrequency(ReportingFrequency.ANNUAL);
    assertThat(annual.period(code("2023")).window())
        .isEqualTo(new DataWindow(LocalDate.of(2022, 12, 15), LocalDate.of(2023, 10, 14)));
    assertThat(annual.period(code("2023")).dueDate("COMMUNE")).contains(LocalDate.of(2023, 11, 6));
  }

  @Test
  void periodsInOrder() {
    PeriodSchedule monthly =
        schedule(
            ReportingFrequency.MONTHLY,
            CutOffRule.DECREE_09,
            new DayOfMonth(1, 20),
            level("COMMUNE", new DayOfMonth(1, 3)),
            level("DISTRICT", new DayOfMonth(1, 5)),
            level("PROVINCE", new DayOfMonth(1, 10)));
    List<ReportingPeriod> periods = monthly.periods(code("2022M12"), code("2023M02"));
    assertThat(periods)
        .extracting(p -> p.code().code(), p -> p.window().to(), ReportingPeriod::lockDate)
        .containsExactly(
            tuple("2022M12", LocalDate.of(2022, 12, 14), LocalDate.of(2023, 1, 27)),
            tuple("2023M01", LocalDate.of(2023, 1, 14), LocalDate.of(2023, 2, 20)),
            tuple("2023M02", LocalDate.of(2023, 2, 14), LocalDate.of(2023, 3, 20)));
    // 3/1/2023 is a Tuesday; 5/1 a Thursday; 10/1 a Tuesday
    assertThat(periods.getFirst().dueDates())
        .extracting(LevelDueDate::dueDate)
        .containsExactly(
            LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 5), LocalDate.of(2023, 1, 10));
    assertThat(
            monthly.errors(
                PeriodCode.between(
                    PeriodCode.month(PeriodCode.MIN_YEAR, 1), PeriodCode.month(2030, 12))))
        .isEmpty();
    assertThatThrownBy(() -> monthly.period(code("2023Q1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = ReportingFrequency.class,
      names = {"AD_HOC"},
      mode = EnumSource.Mode.EXCLUDE)
  void decree09WithWardsByThe3rdHoldsEveryYear(ReportingFrequency frequency) {
    PeriodSchedule s =
        schedule(
            frequency,
            CutOffRule.DECREE_09,
            new DayOfMonth(1, 20),
            level("COMMUNE", new DayOfMonth(1, 3)),
            level("DISTRICT", new DayOfMonth(1, 5)));
    PeriodCode first = PeriodCode.containing(frequency, LocalDate.of(2020, 1, 1));
    PeriodCode last = PeriodCode.containing(frequency, LocalDate.of(2027, 9, 30));
    assertThat(s.errors(PeriodCode.between(first, last))).isEmpty();
  }

  private static List<Object> describe(FieldError e) {
    return List.of(e.pointer(), e.messageKey(), List.of(e.args()));
  }

  @Test
  void aDueDateOnTheCutOffIsRefused() {
    PeriodSchedule s =
        schedule(
            ReportingFrequency.MONTHLY,
            CutOffRule.DECREE_09,
            new DayOfMonth(1, 20),
            level("COMMUNE", new DayOfMonth(0, 14)));
    assertThat(s.errors(List.of(code("2026M05"), code("2026M06"))))
        .map(PeriodScheduleTest::describe)
        .containsExactly(
            List.of(
                "/dueDates/0/day",
                "field.DUE_BEFORE_CUT_OFF",
                List.of("2026M05", "2026-05-14", "2026-05-14", "2026-05-15")));
    assertThatThrownBy(() -> s.validate(List.of(code("2026M05"))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
              assertThat(e.errors())
                  .extracting(FieldError::pointer)
                  .containsExactly("/dueDates/0/day");
            });
  }

  @Test
  void aLevelDueBeforeTheLevelItConsolidatesIsRefusedAroundTet() {
    // wards 3 working days after the cut-off, the district by the 20th: in order every month of
    // 2026 but February, whose cut-off (Saturday 14/2) is followed by Tết (16–20/2)
    PeriodSchedule s =
        schedule(
            ReportingFrequency.MONTHLY,
            CutOffRule.DECREE_09,
            new DayOfMonth(1, 1),
            level("COMMUNE", new WorkingDaysAfter(3)),
            level("DISTRICT", new DayOfMonth(0, 20)));
    assertThat(s.errors(PeriodCode.between(code("2026M01"), code("2026M12"))))
        .map(PeriodScheduleTest::describe)
        .containsExactly(
            List.of(
                "/dueDates/1/day",
                "field.DUE_BEFORE_PREVIOUS_LEVEL",
                List.of("2026M02", "2026-02-23", "COMMUNE", "2026-02-25")));
    assertThat(s.errors(PeriodCode.between(code("2025M01"), code("2025M12")))).isEmpty();
  }

  @Test
  void theLockIsNotBeforeTheLastDueDate() {
    PeriodSchedule s =
        schedule(
            ReportingFrequency.QUARTERLY,
            CutOffRule.DECREE_09,
            new WorkingDaysAfter(2),
            level("COMMUNE", new DayOfMonth(1, 3)),
            level("DISTRICT", new DayOfMonth(1, 5)));
    assertThat(s.errors(List.of(code("2026Q1"))))
        .map(PeriodScheduleTest::describe)
        .containsExactly(
            List.of(
                "/lock/workingDays",
                "field.LOCK_BEFORE_DUE",
                List.of("2026Q1", "2026-03-17", "2026-04-06")));
  }

  @Test
  void aWindowThatEndsBeforeItStarts() {
    PeriodSchedule s =
        schedule(
            ReportingFrequency.MONTHLY,
            new CutOffRule(0, 20, 0, 10),
            new DayOfMonth(1, 20),
            level("COMMUNE", new DayOfMonth(1, 3)));
    assertThat(s.errors(List.of(code("2026M05"), code("2026M06"))))
        .map(PeriodScheduleTest::describe)
        .containsExactly(
            List.of(
                "/cutOff/endDay",
                "field.WINDOW_REVERSED",
                List.of("2026M05", "2026-05-20", "2026-05-10")));
  }

  @Test
  void valuesOutOfRangeAreReportedBeforeAnyDate() {
    PeriodSchedule s =
        schedule(
            ReportingFrequency.MONTHLY,
            new CutOffRule(-13, 0, 13, 32),
            new DayOfMonth(-1, 0),
            level("commune", new DayOfMonth(13, 32)),
            level("DISTRICT", new WorkingDaysAfter(0)),
            level("DISTRICT", new WorkingDaysAfter(61)),
            level("PROVINCE", null));
    assertThat(s.errors(List.of(code("2026M05"))))
        .map(PeriodScheduleTest::describe)
        .containsExactly(
            List.of("/cutOff/startMonths", "field.NUMBER_RANGE", List.of("-12", "12")),
            List.of("/cutOff/startDay", "field.NUMBER_RANGE", List.of("1", "31")),
            List.of("/cutOff/endMonths", "field.NUMBER_RANGE", List.of("-12", "12")),
            List.of("/cutOff/endDay", "field.NUMBER_RANGE", List.of("1", "31")),
            List.of("/dueDates/0/level", "field.LEVEL_CODE", List.of()),
            List.of("/dueDates/0/monthsAfter", "field.NUMBER_RANGE", List.of("0", "12")),
            List.of("/dueDates/0/day", "field.NUMBER_RANGE", List.of("1", "31")),
            List.of("/dueDates/1/workingDays", "field.NUMBER_RANGE", List.of("1", "60")),
            List.of("/dueDates/2/level", "field.DUPLICATE_LEVEL", List.of()),
            List.of("/dueDates/2/workingDays", "field.NUMBER_RANGE", List.of("1", "60")),
            List.of("/dueDates/3", "field.REQUIRED", List.of()),
            List.of("/lock/monthsAfter", "field.NUMBER_RANGE", List.of("0", "12")),
            List.of("/lock/day", "field.NUMBER_RANGE", List.of("1", "31")));
  }

  @Test
  void aChainHasOneToTenLevels() {
    PeriodSchedule none =
        schedule(ReportingFrequency.ANNUAL, CutOffRule.DECREE_09, new DayOfMonth(1, 20));
    assertThat(none.errors(List.of()))
        .map(PeriodScheduleTest::describe)
        .containsExactly(List.of("/dueDates", "field.REQUIRED", List.of()));
    LevelRule[] eleven = new LevelRule[11];
    for (int i = 0; i < eleven.length; i++) {
      eleven[i] = level("L" + i, new DayOfMonth(1, 3));
    }
    assertThat(
            schedule(ReportingFrequency.ANNUAL, CutOffRule.DECREE_09, new DayOfMonth(1, 20), eleven)
                .errors(List.of()))
        .map(PeriodScheduleTest::describe)
        .containsExactly(List.of("/dueDates", "field.NUMBER_RANGE", List.of("1", "10")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "field.PERIOD_CODE",
        "field.PERIOD_FREQUENCY",
        "field.NUMBER_RANGE",
        "field.LEVEL_CODE",
        "field.DUPLICATE_LEVEL",
        "field.WINDOW_REVERSED",
        "field.DUE_BEFORE_CUT_OFF",
        "field.DUE_BEFORE_PREVIOUS_LEVEL",
        "field.LOCK_BEFORE_DUE"
      })
  void messagesInBothLanguages(String key) {
    for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "messages.problems",
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      assertThat(bundle.getString(key)).isNotBlank();
    }
  }

  @Test
  void enumsAreLabelled() {
    for (ReportingFrequency f : ReportingFrequency.values()) {
      assertThat(f.labelVi()).isNotEqualTo(f.name());
      assertThat(f.labelEn()).isNotEqualTo(f.name());
    }
    for (DueDateKind k : DueDateKind.values()) {
      assertThat(k.labelVi()).isNotEqualTo(k.name());
      assertThat(k.labelEn()).isNotEqualTo(k.name());
    }
    assertThat(new PeriodEnums().enums()).contains(ReportingFrequency.class, DueDateKind.class);
  }
}
