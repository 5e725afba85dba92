package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.complete;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.task.TaskFixtures.ok;
import static vn.danvan.task.TaskFixtures.transition;
import static vn.danvan.task.TaskFixtures.version;
import static vn.danvan.testing.Api.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/**
 * The four states are one rule: TaskState.of in Java, danvan_task_outcome in SQL, the list filters
 * (TaskState.predicate) and the live tally kept by the trigger agree.
 */
@QuarkusTest
class TaskOutcomeParityTest {

  static final LocalDate TODAY = LocalDate.parse("2030-01-10");

  @Inject EntityManager em;

  @AfterEach
  void time() {
    TestClock.reset();
  }

  record Case(TaskStatus status, LocalDate due, LocalDate completed, boolean template) {
    Task task() {
      Task t = new Task();
      t.status = status;
      t.dueDate = due;
      t.completedOn = completed;
      t.recurrenceFrequency = template ? RecurrenceFrequency.MONTHLY : null;
      return t;
    }

    String sqlRow(int i) {
      return "("
          + i
          + ", '"
          + status
          + "', "
          + date(due)
          + ", "
          + date(completed)
          + ", "
          + (template ? "'MONTHLY'" : "null")
          + ")";
    }

    private static String date(LocalDate d) {
      return d == null ? "cast(null as date)" : "date '" + d + "'";
    }
  }

  /**
   * Every status, due before, on, after today or none, a completion the day before, on, after the
   * due date or today (never after today: the service refuses it), and templates of recurring
   * tasks.
   */
  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    List<LocalDate> dues = new ArrayList<>();
    dues.add(null);
    dues.addAll(List.of(TODAY.minusDays(5), TODAY, TODAY.plusDays(5)));
    for (TaskStatus status : TaskStatus.values()) {
      for (LocalDate due : dues) {
        if (status != TaskStatus.DONE) {
          out.add(new Case(status, due, null, false));
          continue;
        }
        LocalDate base = due == null ? TODAY : due;
        for (LocalDate completed :
            new TreeSet<>(List.of(base.minusDays(1), base, base.plusDays(1), TODAY))) {
          if (!completed.isAfter(TODAY)) {
            out.add(new Case(status, due, completed, false));
          }
        }
      }
      out.add(new Case(status, null, status == TaskStatus.DONE ? TODAY.minusDays(1) : null, true));
    }
    return out;
  }

  @Test
  @Transactional
  void javaSqlAndTheListFiltersAgreeOnEveryCase() {
    List<Case> cases = cases();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      rows.append(i == 0 ? "" : ", ").append(cases.get(i).sqlRow(i));
    }
    StringBuilder sql =
        new StringBuilder(
            "select i, case when t.status = 'CANCELLED' then 'CANCELLED'"
                + " else danvan_task_outcome(t.due_date, t.completed_on, :today) end");
    for (TaskState s : TaskState.values()) {
      sql.append(", coalesce(").append(s.predicate()).append(", false)");
    }
    sql.append(" from (select v.*, coalesce(v.due_date, date '9999-12-31') sort_due from (values ")
        .append(rows)
        .append(") v(i, status, due_date, completed_on, recurrence_frequency)) t order by i");
    @SuppressWarnings("unchecked")
    List<Object[]> result =
        em.createNativeQuery(sql.toString()).setParameter("today", TODAY).getResultList();

    assertThat(result).hasSize(cases.size());
    assertThat(cases).hasSize(25);
    for (Object[] r : result) {
      Case c = cases.get(((Number) r[0]).intValue());
      TaskState java = c.task().state(TODAY);
      if (!c.template()) {
        assertThat(java)
            .as(c.toString())
            .isEqualTo(TaskState.of(c.status, c.due, c.completed, TODAY));
        assertThat(r[1]).as("danvan_task_outcome " + c).isEqualTo(java.name());
      } else {
        assertThat(java).as(c.toString()).isNull();
      }
      for (TaskState s : TaskState.values()) {
        assertThat(r[2 + s.ordinal()]).as(s + ".predicate() " + c).isEqualTo(s == java);
      }
    }
  }

  @Test
  @Transactional
  void onAPastDayATaskCompletedLaterWasStillOpen() {
    LocalDate due = TODAY.minusDays(5);
    assertThat(outcome(due, TODAY.minusDays(2), TODAY.minusDays(7)))
        .isEqualTo("IN_PROGRESS_IN_TERM");
    assertThat(outcome(due, TODAY.minusDays(2), TODAY.minusDays(3))).isEqualTo("OVERDUE");
    assertThat(outcome(due, TODAY.minusDays(2), TODAY.minusDays(2))).isEqualTo("DONE_LATE");
    assertThat(outcome(due, due, due)).isEqualTo("DONE_ON_TIME");
  }

  private String outcome(LocalDate due, LocalDate completed, LocalDate day) {
    return (String)
        em.createNativeQuery("select danvan_task_outcome(:due, :completed, :day)")
            .setParameter("due", due)
            .setParameter("completed", completed)
            .setParameter("day", day)
            .getSingleResult();
  }

  @Test
  void theTallyEqualsARecountAfterEveryKindOfWrite() {
    TestClock.today(TODAY);
    TaskFixtures f = new TaskFixtures();
    UUID province = UUID.fromString(f.province);

    String before = created("admin", assigned(f.c1, "2029-12-20"));
    String month = created("admin", assigned(f.c2, "2030-01-31"));
    String later = created("admin", assigned(f.district, "2030-03-15"));
    String gone = created("admin", assigned(f.c3, "2030-02-10"));
    String moved = created("admin", assigned(f.dept, "2030-02-28"));
    String dropped = created("admin", assigned(f.c1, "2030-01-20"));
    Map<String, Object> monthly = assigned(f.c2, null);
    monthly.remove("dueDate");
    monthly.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 5));
    String series = created("admin", monthly);
    assertTallyAgrees(province);

    // done on time, done late, reopened, cancelled, due date edited, deleted
    ok(complete("admin", before, "2030-01-02"));
    ok(complete("admin", month, "2030-01-10"));
    ok(transition("admin", later, "START", Map.of()));
    ok(complete("admin", later, "2030-01-09"));
    ok(transition("admin", later, "REOPEN", Map.of()));
    ok(transition("admin", dropped, "CANCEL", Map.of("reason", "Không còn phù hợp")));
    Map<String, Object> edit = assigned(f.dept, "2030-04-30");
    ok(
        json("admin")
            .header("If-Match", "\"" + version(moved) + "\"")
            .body(edit)
            .put(BASE + "/" + moved));
    assertThat(
            json("admin")
                .header("If-Match", "\"" + version(gone) + "\"")
                .delete(BASE + "/" + gone)
                .statusCode())
        .isEqualTo(204);
    assertTallyAgrees(province);

    // statements over many rows at once: open tasks move a month on, the started ones are done
    sql(
        "update task set due_date = due_date + 31 where unit_at_2 = :p and status = 'NEW'"
            + " and recurrence_frequency is null",
        province);
    sql(
        "update task set status = 'DONE', completed_on = due_date + 2, progress = 100"
            + " where unit_at_2 = :p and status = 'IN_PROGRESS'",
        province);
    assertTallyAgrees(province);
    Map<String, Long> tally = tally(province);
    assertThat(tally.keySet().stream().map(k -> k.substring(11)).distinct())
        .containsExactlyInAnyOrder("ON_TIME", "LATE", "OPEN");

    // a recurring task deleted with its occurrences (one statement over several rows)
    assertThat(
            json("admin")
                .header("If-Match", "\"" + version(series) + "\"")
                .delete(BASE + "/" + series)
                .statusCode())
        .isEqualTo(204);
    sql("delete from task where unit_at_2 = :p and status = 'DONE'", province);
    assertTallyAgrees(province);
  }

  private static Map<String, Object> assigned(String unit, String due) {
    Map<String, Object> b = body(unit, due);
    b.put("assignedOn", "2029-11-01");
    return b;
  }

  private void sql(String statement, UUID province) {
    QuarkusTransaction.requiringNew()
        .run(() -> em.createNativeQuery(statement).setParameter("p", province).executeUpdate());
  }

  /** The live tally of a province, rows with a count only. */
  private Map<String, Long> tally(UUID province) {
    return rows(
        "select due_month, outcome, n from task_tally where province_id = :p and n <> 0", province);
  }

  /** The tally recounted from the tasks with the rule as V7 first wrote it. */
  private Map<String, Long> recount(UUID province) {
    return rows(
        "select date_trunc('month', due_date)::date, case when status <> 'DONE' then 'OPEN'"
            + " when completed_on > due_date then 'LATE' else 'ON_TIME' end, count(*) from task"
            + " where coalesce(unit_at_2, lead_unit_id) = :p and status <> 'CANCELLED'"
            + " and recurrence_frequency is null group by 1, 2",
        province);
  }

  private Map<String, Long> rows(String sql, UUID province) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, Long> out = new TreeMap<>();
              for (Object o :
                  em.createNativeQuery(sql).setParameter("p", province).getResultList()) {
                Object[] r = (Object[]) o;
                out.put(r[0] + " " + r[1], ((Number) r[2]).longValue());
              }
              return out;
            });
  }

  private void assertTallyAgrees(UUID province) {
    Map<String, Long> recount = recount(province);
    assertThat(recount).isNotEmpty();
    assertThat(tally(province)).isEqualTo(recount);
  }
}
