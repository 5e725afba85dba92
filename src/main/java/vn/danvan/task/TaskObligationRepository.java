package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;

/**
 * SQL of the tasks in the agenda: the tasks a unit leads, as the list selects them (cancelled tasks
 * and recurring templates left out), keyset on {@code (sort_due, id)} over the subtree btrees, open
 * states in their sargable form (V18) so that an overdue page walks task_open_at_k.
 */
@ApplicationScoped
class TaskObligationRepository {

  /** The tasks the agenda holds. */
  static final String OWED = "t.status <> 'CANCELLED' and t.recurrence_frequency is null";

  private static final String OPEN = "t.status in ('NEW','IN_PROGRESS')";

  /** One task of the agenda. */
  record Row(UUID id, UUID unitId, LocalDate due, LocalDate completedOn, String title) {}

  /** One count of the summary: the group's key (unit, month or none), the state, how many. */
  record Count(UUID unitId, YearMonth month, ObligationState state, long count) {}

  /**
   * The selected unit as the lead filter needs it: its id and the length of its path (1 for the
   * root); null for every unit.
   */
  record Unit(UUID id, int depth) {}

  @Inject EntityManager em;

  List<Row> page(ObligationQuery q, Unit unit, LocalDate today) {
    SqlWhere where = where(q, unit, today);
    String dir = q.descending() ? " desc" : "";
    if (q.after() != null) {
      where
          .add("(t.sort_due, t.id) " + (q.descending() ? "<" : ">") + " (:afterDue, :afterId)")
          .param("afterDue", q.after().dueDate())
          .param("afterId", q.afterIdFor(ObligationKind.TASK));
    }
    List<Row> out = new ArrayList<>();
    for (Object o :
        where
            .bind(
                em.createNativeQuery(
                    "select t.id, t.lead_unit_id, t.due_date, t.completed_on, t.title from task t"
                        + " where "
                        + where.sql()
                        + " order by t.sort_due"
                        + dir
                        + ", t.id"
                        + dir
                        + " limit :limit"))
            .setParameter("limit", q.limit())
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Row(
              PgTypes.uuid(r[0]),
              PgTypes.uuid(r[1]),
              PgTypes.toDate(r[2]),
              PgTypes.toDate(r[3]),
              (String) r[4]));
    }
    return out;
  }

  /** The SQL of {@link #page} for its plan (the benchmark explains it). */
  static String pageSql(ObligationQuery q, Unit unit, LocalDate today) {
    return "select t.id from task t where "
        + where(q, unit, today).sql()
        + " order by t.sort_due, t.id limit :limit";
  }

  List<Count> count(
      ObligationQuery q, Unit unit, LocalDate today, ObligationGrouping by, int level) {
    SqlWhere where = where(q, unit, today).param("day", q.day());
    String key =
        switch (by) {
          case KIND -> "null";
          case MONTH -> "to_char(t.due_date, 'YYYY-MM')";
          case CHILD_UNIT ->
              level <= 4 && level >= 2
                  ? "coalesce(t.unit_at_" + level + ", t.lead_unit_id)"
                  : "coalesce(t.lead_unit_path[" + level + "], t.lead_unit_id)";
        };
    String sql =
        "select "
            + key
            + " as k, "
            + ObligationState.sql("t.due_date", "t.completed_on", ":day")
            + " as s, count(*) from task t where "
            + where.sql()
            + " group by 1, 2";
    return counts(where.bind(em.createNativeQuery(sql)).getResultList(), by);
  }

  /**
   * The whole country's counts by province today without other filters, from the live tally
   * (task_tally, V7): finished tasks by their stored outcome, open ones before the current month
   * overdue, after it in term, and those of the current month split at today over task_open_month.
   * The same counts as {@link #count} grouped at level 2, each task under its current lead.
   */
  List<Count> provincesToday(LocalDate today) {
    LocalDate month = today.withDayOfMonth(1);
    String sql =
        "select k, s, sum(n) from ("
            + " select province_id k, case when outcome = 'ON_TIME' then 'DONE_ON_TIME'"
            + "  when outcome = 'LATE' then 'DONE_LATE'"
            + "  when due_month > :month then 'IN_PROGRESS_IN_TERM' else 'OVERDUE' end s, n"
            + "  from task_tally where outcome <> 'OPEN' or due_month <> :month"
            + " union all"
            + " select coalesce(t.unit_at_2, t.lead_unit_id),"
            + "  case when t.sort_due >= :today then 'IN_PROGRESS_IN_TERM' else 'OVERDUE' end, 1"
            + "  from task t where "
            + OPEN
            + " and t.recurrence_frequency is null and t.sort_due >= :month and t.sort_due < :next"
            + ") x group by 1, 2 having sum(n) <> 0";
    return counts(
        em.createNativeQuery(sql)
            .setParameter("month", month)
            .setParameter("next", month.plusMonths(1))
            .setParameter("today", today)
            .getResultList(),
        ObligationGrouping.CHILD_UNIT);
  }

  private static List<Count> counts(List<?> rows, ObligationGrouping by) {
    List<Count> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      UUID unit = by == ObligationGrouping.CHILD_UNIT ? PgTypes.uuid(r[0]) : null;
      YearMonth month = by == ObligationGrouping.MONTH ? YearMonth.parse((String) r[0]) : null;
      out.add(
          new Count(unit, month, ObligationState.valueOf((String) r[1]), PgTypes.longValue(r[2])));
    }
    return out;
  }

  /**
   * The agenda's filters over task {@code t}: led by the selected unit (the list's rule, {@link
   * TaskRepository#leadCondition}) and by a unit of the caller's scope; the state on :day, open
   * states by due date (on or after today a task is open on the day exactly when its status is
   * open; before today also when it was completed after the day).
   */
  private static SqlWhere where(ObligationQuery q, Unit unit, LocalDate today) {
    SqlWhere where = new SqlWhere().add(OWED);
    if (unit != null) {
      OrgUnitMode mode = q.mode() == null ? OrgUnitMode.SELECTED : q.mode();
      String lead = TaskRepository.leadCondition(unit.depth(), mode);
      where.add(lead);
      if (lead.contains(":unit")) {
        where.param("unit", unit.id());
      }
    }
    if (q.roots() != null) {
      where.add("t.lead_unit_path && cast(:roots as uuid[])", "roots", q.roots());
    }
    String open = q.day().isBefore(today) ? "(" + OPEN + " or t.completed_on > :day)" : OPEN;
    if (q.state() != null) {
      where.param("day", q.day());
      where.add(
          switch (q.state()) {
            case OVERDUE -> open + " and t.sort_due < :day";
            case IN_PROGRESS_IN_TERM -> open + " and t.sort_due >= :day";
            case DONE_ON_TIME, DONE_LATE ->
                "t.status = 'DONE' and "
                    + ObligationState.sql("t.due_date", "t.completed_on", ":day")
                    + " = '"
                    + q.state().name()
                    + "'";
          });
    }
    where
        .addIfPresent("t.sort_due >= :dueFrom", "dueFrom", q.dueFrom())
        .addIfPresent("t.sort_due <= :dueTo", "dueTo", q.dueTo());
    return where;
  }
}
