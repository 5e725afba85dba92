package vn.danvan.shared.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agenda's four states are one rule: ObligationState.of in Java and the SQL its {@code sql}
 * writes (danvan_task_outcome) agree on every combination of a due date (none, before, on, after
 * the day), a done date (none, before, on, after the due date, after the day) and the day, Tết and
 * a weekend included.
 */
@QuarkusTest
class ObligationStateParityTest {

  @Inject EntityManager em;

  @Test
  void javaAndSqlAgreeOnEveryCombination() {
    LocalDate tet = LocalDate.parse("2027-02-06"); // Mùng 1 Tết Đinh Mùi
    List<LocalDate> days = List.of(tet, LocalDate.parse("2026-11-29")); // a Sunday
    int compared = 0;
    for (LocalDate day : days) {
      List<LocalDate> dues =
          Arrays.asList(null, day.minusDays(3), day.minusDays(1), day, day.plusDays(1));
      for (LocalDate due : dues) {
        List<LocalDate> dones = new ArrayList<>(Arrays.asList(null, day, day.plusDays(1)));
        if (due != null) {
          dones.addAll(List.of(due.minusDays(1), due, due.plusDays(1)));
        }
        for (LocalDate done : dones) {
          String sql =
              (String)
                  em.createNativeQuery(
                          "select "
                              + ObligationState.sql(
                                  "cast(:due as date)",
                                  "cast(:done as date)",
                                  "cast(:day as date)"))
                      .setParameter("due", due)
                      .setParameter("done", done)
                      .setParameter("day", day)
                      .getSingleResult();
          assertThat(sql)
              .as("due %s, done %s, day %s", due, done, day)
              .isEqualTo(ObligationState.of(due, done, day).name());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(50);
    assertThat(ObligationState.of(tet, tet, tet)).isEqualTo(ObligationState.DONE_ON_TIME);
    assertThat(ObligationState.of(tet, tet.plusDays(1), tet.plusDays(1)))
        .isEqualTo(ObligationState.DONE_LATE);
    assertThat(ObligationState.of(tet, null, tet)).isEqualTo(ObligationState.IN_PROGRESS_IN_TERM);
    assertThat(ObligationState.of(tet, null, tet.plusDays(1))).isEqualTo(ObligationState.OVERDUE);
    assertThat(ObligationState.of(tet, tet.plusDays(2), tet.plusDays(1)))
        .as("done after the day: still open on the day")
        .isEqualTo(ObligationState.OVERDUE);
  }
}
