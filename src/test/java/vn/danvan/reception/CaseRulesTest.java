package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.testing.Tables;

/** The rules of a case and of the reception reports that need no database. */
class CaseRulesTest {

  /** Every status by every action: the status reached, empty when the action is refused. */
  static final String LIFE_CYCLE =
      """
      # from,     ACCEPT,   EXTEND,   RESOLVE,  CLOSE,  TRANSFER,    REOPEN
      RECEIVED,    ACCEPTED, ,         ,         CLOSED, TRANSFERRED,
      ACCEPTED,    ,         ACCEPTED, RESOLVED, ,       TRANSFERRED,
      RESOLVED,    ,         ,         ,         CLOSED, ,            ACCEPTED
      CLOSED,      ,         ,         ,         ,       ,            ACCEPTED
      TRANSFERRED, ,         ,         ,         ,       ,
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = LIFE_CYCLE)
  void theLifeCycle(ArgumentsAccessor row) {
    CaseAction[] actions = CaseAction.values();
    assertThat(row.size()).as("a column per action").isEqualTo(1 + actions.length);
    CaseStatus from = row.get(0, CaseStatus.class);
    for (CaseAction a : actions) {
      assertThat(from.after(a))
          .as(from + " " + a)
          .isEqualTo(row.get(1 + a.ordinal(), CaseStatus.class));
    }
  }

  @Test
  void theLifeCycleHasARowPerStatus() {
    assertThat(Tables.firstColumn(LIFE_CYCLE))
        .containsExactlyInAnyOrder(
            Arrays.stream(CaseStatus.values()).map(Enum::name).toArray(String[]::new));
  }

  /**
   * The periods of the reception compliance report: only whole weeks (ISO, from Monday) or months
   * inside the range and already over; each as id=first..last.
   */
  @ParameterizedTest(name = "{0} {1}..{2} on {3}")
  @CsvSource(
      textBlock =
          """
          # period, from,      to,         today,      periods
          MONTH, 2026-01-01, 2026-03-31, 2026-04-01, 2026-01=2026-01-01..2026-01-31 2026-02=2026-02-01..2026-02-28 2026-03=2026-03-01..2026-03-31
          MONTH, 2026-01-15, 2026-03-31, 2026-05-01, 2026-02=2026-02-01..2026-02-28 2026-03=2026-03-01..2026-03-31
          MONTH, 2026-01-01, 2026-03-30, 2026-05-01, 2026-01=2026-01-01..2026-01-31 2026-02=2026-02-01..2026-02-28
          MONTH, 2026-01-01, 2026-03-31, 2026-03-31, 2026-01=2026-01-01..2026-01-31 2026-02=2026-02-01..2026-02-28
          MONTH, 2028-02-01, 2028-02-29, 2028-03-01, 2028-02=2028-02-01..2028-02-29
          MONTH, 2026-01-01, 2026-01-31, 2026-01-31, ''
          WEEK,  2026-03-02, 2026-03-15, 2026-03-16, 2026-W10=2026-03-02..2026-03-08 2026-W11=2026-03-09..2026-03-15
          WEEK,  2026-03-04, 2026-03-22, 2026-04-01, 2026-W11=2026-03-09..2026-03-15 2026-W12=2026-03-16..2026-03-22
          WEEK,  2026-03-02, 2026-03-15, 2026-03-15, 2026-W10=2026-03-02..2026-03-08
          WEEK,  2025-12-29, 2026-01-04, 2026-02-01, 2026-W01=2025-12-29..2026-01-04
          WEEK,  2020-12-28, 2021-01-03, 2021-02-01, 2020-W53=2020-12-28..2021-01-03
          """)
  void compliancePeriods(
      CompliancePeriod period, LocalDate from, LocalDate to, LocalDate today, String expected) {
    Map<String, String> actual = new LinkedHashMap<>();
    ReceptionReportService.periods(period, from, to, today)
        .forEach((id, p) -> actual.put(id, p[0] + ".." + p[1]));
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String p : expected.split(" ")) {
      if (!p.isEmpty()) {
        wanted.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
      }
    }
    assertThat(actual).containsExactlyEntriesOf(wanted);
  }
}
