package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.shared.error.ApiException;

/** Period codes: their spelling, calendar months and sequence. */
class PeriodCodeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // code,   frequency,   year, index, start,      end,        next,    previous
    "2026M05,  MONTHLY,     2026, 5,  2026-05-01, 2026-05-31, 2026M06, 2026M04",
    "2026M01,  MONTHLY,     2026, 1,  2026-01-01, 2026-01-31, 2026M02, 2025M12",
    "2026M12,  MONTHLY,     2026, 12, 2026-12-01, 2026-12-31, 2027M01, 2026M11",
    "2024M02,  MONTHLY,     2024, 2,  2024-02-01, 2024-02-29, 2024M03, 2024M01",
    "2026Q1,   QUARTERLY,   2026, 1,  2026-01-01, 2026-03-31, 2026Q2,  2025Q4",
    "2026Q2,   QUARTERLY,   2026, 2,  2026-04-01, 2026-06-30, 2026Q3,  2026Q1",
    "2026Q4,   QUARTERLY,   2026, 4,  2026-10-01, 2026-12-31, 2027Q1,  2026Q3",
    "2026S1,   SEMI_ANNUAL, 2026, 1,  2026-01-01, 2026-06-30, 2026S2,  2025S2",
    "2026S2,   SEMI_ANNUAL, 2026, 2,  2026-07-01, 2026-12-31, 2027S1,  2026S1",
    "2026N9,   NINE_MONTH,  2026, 9,  2026-01-01, 2026-09-30, 2027N9,  2025N9",
    "2026,     ANNUAL,      2026, 0,  2026-01-01, 2026-12-31, 2027,    2025",
    "2026A02,  AD_HOC,      2026, 2,  2026-01-01, 2026-12-31, 2026A03, 2026A01",
    "1900M02,  MONTHLY,     1900, 2,  1900-02-01, 1900-02-28, 1900M03, 1900M01",
    "2100Q3,   QUARTERLY,   2100, 3,  2100-07-01, 2100-09-30, 2100Q4,  2100Q2",
  })
  void codes(
      String text,
      ReportingFrequency frequency,
      int year,
      int index,
      LocalDate start,
      LocalDate end,
      String next,
      String previous) {
    PeriodCode code = PeriodCode.tryParse(text).orElseThrow();
    assertThat(code).isEqualTo(new PeriodCode(year, frequency, index));
    assertThat(code.code()).isEqualTo(text);
    assertThat(code.toString()).isEqualTo(text);
    assertThat(code.frequency()).isEqualTo(frequency);
    assertThat(code.start()).isEqualTo(start);
    assertThat(code.end()).isEqualTo(end);
    assertThat(code.next().code()).isEqualTo(next);
    assertThat(code.previous().code()).isEqualTo(previous);
    assertThat(code.next().previous()).isEqualTo(code);
    assertThat(PeriodCode.parse(text, "/path/code")).isEqualTo(code);
    assertThat(PeriodCode.parse(text, frequency, "/path/code")).isEqualTo(code);
  }

  @Test
  void factories() {
    assertThat(PeriodCode.month(2026, 5).code()).isEqualTo("2026M05");
    assertThat(PeriodCode.quarter(2026, 2).code()).isEqualTo("2026Q2");
    assertThat(PeriodCode.half(2026, 1).code()).isEqualTo("2026S1");
    assertThat(PeriodCode.nineMonths(2026).code()).isEqualTo("2026N9");
    assertThat(PeriodCode.annual(2026).code()).isEqualTo("2026");
    assertThat(PeriodCode.adHoc(2026, 1).code()).isEqualTo("2026A01");
    assertThat(PeriodCode.adHoc(2026, 99).code()).isEqualTo("2026A99");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @EmptySource
  @ValueSource(
      strings = {
        "2026M13",
        "2026M00",
        "2026M5",
        "2026M005",
        "2026Q5",
        "2026Q0",
        "2026Q02",
        "2026S3",
        "2026S0",
        "2026N8",
        "2026N0",
        "2026N09",
        "2026A00",
        "2026A1",
        "2026A100",
        "2026m05",
        "2026q2",
        "2026X1",
        "2026M",
        "abc",
        " 2026",
        "2026 ",
        "2026-05",
        "26M05",
        "02026",
        "1899",
        "2101",
        "1899M12",
        "2101M01",
        "2101A01",
        "١٢٣٤",
        "2026M٠٥"
      })
  void refusals(String text) {
    assertThat(PeriodCode.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> PeriodCode.parse(text, "/path/code"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
              assertThat(e.errors())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.pointer()).isEqualTo("/path/code");
                        assertThat(f.messageKey()).isEqualTo("field.PERIOD_CODE");
                        assertThat(f.args()).containsExactly("1900", "2100");
                      });
            });
  }

  @Test
  void nullIsNoCode() {
    assertThat(PeriodCode.tryParse(null)).isEmpty();
  }

  @Test
  void aCodeOfAnotherFrequencyIsRefusedWhereOneIsExpected() {
    assertThatThrownBy(() -> PeriodCode.parse("2026Q2", ReportingFrequency.MONTHLY, "/query/from"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        f -> {
                          assertThat(f.pointer()).isEqualTo("/query/from");
                          assertThat(f.messageKey()).isEqualTo("field.PERIOD_FREQUENCY");
                          assertThat(f.args()).containsExactly("MONTHLY");
                        }));
  }

  @Test
  void constructorRefusesWhatParseRefuses() {
    assertThatThrownBy(() -> PeriodCode.month(2026, 13))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PeriodCode(2026, ReportingFrequency.NINE_MONTH, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodCode.annual(1899)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PeriodCode(2026, null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSequenceEndsAtTheYearBoundsAndAdHocNumbersStayInTheirYear() {
    assertThatThrownBy(() -> PeriodCode.month(2100, 12).next())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodCode.annual(1900).previous())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodCode.adHoc(2026, 1).previous())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodCode.adHoc(2026, 99).next())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({
    "2025M11, 2026M02, 2025M11 2025M12 2026M01 2026M02",
    "2026M05, 2026M05, 2026M05",
    "2025Q4,  2026Q2,  2025Q4 2026Q1 2026Q2",
    "2025S2,  2027S1,  2025S2 2026S1 2026S2 2027S1",
    "2024N9,  2026N9,  2024N9 2025N9 2026N9",
    "2025,    2027,    2025 2026 2027",
    "2026A01, 2026A03, 2026A01 2026A02 2026A03",
  })
  void betweenCodes(String from, String to, String expected) {
    assertThat(
            PeriodCode.between(PeriodCode.parse(from, "/f"), PeriodCode.parse(to, "/t")).stream()
                .map(PeriodCode::code))
        .containsExactly(expected.split(" "));
  }

  @Test
  void betweenCodesOfOneFrequencyInOrder() {
    assertThatThrownBy(
            () -> PeriodCode.between(PeriodCode.month(2026, 1), PeriodCode.quarter(2026, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PeriodCode.between(PeriodCode.month(2026, 2), PeriodCode.month(2026, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} {1} to {2}")
  @CsvSource({
    "MONTHLY,     2026-04-30, 2026-06-01, 2026M04 2026M05 2026M06",
    "QUARTERLY,   2026-02-10, 2026-08-01, 2026Q1 2026Q2 2026Q3",
    "QUARTERLY,   2025-12-31, 2026-01-01, 2025Q4 2026Q1",
    "SEMI_ANNUAL, 2026-06-30, 2026-07-01, 2026S1 2026S2",
    "NINE_MONTH,  2025-10-01, 2027-03-01, 2026N9 2027N9",
    "NINE_MONTH,  2026-09-30, 2026-12-31, 2026N9",
    "NINE_MONTH,  2026-10-01, 2026-12-31, ''",
    "ANNUAL,      2025-12-31, 2026-01-01, 2025 2026",
    "MONTHLY,     2026-06-01, 2026-05-31, ''",
  })
  void betweenDays(ReportingFrequency frequency, LocalDate from, LocalDate to, String expected) {
    List<String> codes = new ArrayList<>();
    PeriodCode.between(frequency, from, to).forEach(c -> codes.add(c.code()));
    assertThat(String.join(" ", codes)).isEqualTo(expected);
  }

  @Test
  void adHocPeriodsHaveNoCalendarMonthsToListBy() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertThatThrownBy(() -> PeriodCode.between(ReportingFrequency.AD_HOC, day, day))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesSortByYearThenNumber() {
    List<PeriodCode> codes =
        new ArrayList<>(
            List.of(
                PeriodCode.month(2026, 10), PeriodCode.month(2025, 12), PeriodCode.month(2026, 2)));
    codes.sort(null);
    assertThat(codes.stream().map(PeriodCode::code))
        .containsExactly("2025M12", "2026M02", "2026M10");
  }
}
