package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;

/** SQL of the four-state statistics: the aggregate over task_stats and the live tally. */
@ApplicationScoped
class TaskStatisticsRepository {

  /**
   * The statistics of the subtree of {@code unitId} (its path from the root on {@code day}, the
   * unit itself last), grouped {@code by}, as of {@code day}.
   */
  record StatisticsQuery(UUID unitId, List<UUID> path, TaskStatisticsGroupBy by, LocalDate day) {}

  /**
   * The four counts of one group. Its key is {@code id} (a child unit, null for the tasks the root
   * unit leads itself; a directive, null for tasks of none) or {@code month} ({@code YYYY-MM}).
   */
  record StatisticsRow(
      UUID id, String month, long doneOnTime, long doneLate, long inTerm, long overdue) {}

  /**
   * The four states on :day of the tasks {@code t} of a group, as four counts, by the rule
   * danvan_task_outcome (V18), which reads only columns of the covering index task_stats.
   */
  private static final String FOUR_STATES =
      " count(*) filter (where "
          + outcome(TaskState.DONE_ON_TIME)
          + ") as a,"
          + " count(*) filter (where "
          + outcome(TaskState.DONE_LATE)
          + ") as b,"
          + " count(*) filter (where "
          + outcome(TaskState.IN_PROGRESS_IN_TERM)
          + ") as c,"
          + " count(*) filter (where "
          + outcome(TaskState.OVERDUE)
          + ") as d";

  private static String outcome(TaskState state) {
    return "danvan_task_outcome(t.due_date, t.completed_on, :day) = '" + state.name() + "'";
  }

  /** The tasks the statistics count on :day (recurring series through their occurrences). */
  private static final String COUNTED =
      "t.status <> 'CANCELLED' and t.recurrence_frequency is null and t.assigned_on <= :day";

  /** The task row tells the lead on :day: its current lead had taken over by then. */
  private static final String LEAD_IN_FORCE = "(t.lead_since is null or t.lead_since <= :day)";

  /** A closed period {@code l} of the lead history valid on :day. */
  private static final String PAST_LEAD_ON_DAY =
      "l.valid_to > :day and (l.valid_from is null or l.valid_from <= :day)";

  /** Placeholder for the alias of the lead's stored columns in the statistics conditions. */
  private static final String LEAD = "$lead";

  @Inject EntityManager em;

  /**
   * The groups of {@code query}, each task counted under the unit that led it that day: from the
   * task row when its current lead had taken over by then (the covering index task_stats: the
   * subtree is an equality on the stored ancestor columns and the child unit another of them), else
   * from the closed period of its lead history valid that day (task_lead_history; only tasks whose
   * lead changed have one). Ordered by key, nulls first.
   */
  List<StatisticsRow> statistics(StatisticsQuery query) {
    List<UUID> path = query.path();
    int n = path.size();
    SqlWhere where = new SqlWhere().param("day", query.day());
    // the subtree and the child unit by the lead unit's path on that day (the tree as of the day)
    for (int k = 2; k <= Math.min(n, 4); k++) {
      where.add(LEAD + ".unit_at_" + k + " = :p" + k, "p" + k, path.get(k - 1));
    }
    if (n > 4) {
      where.add(LEAD + ".lead_unit_path @> array[cast(:unit as uuid)]", "unit", query.unitId());
    }
    String key =
        switch (query.by()) {
          case CHILD_UNIT ->
              n + 1 <= 4 ? LEAD + ".unit_at_" + (n + 1) : LEAD + ".lead_unit_path[" + (n + 1) + "]";
          case DIRECTIVE -> "t.directive_id";
          case MONTH -> "to_char(t.due_date, 'YYYY-MM')";
        };
    String sql =
        "select k, sum(a), sum(b), sum(c), sum(d) from ("
            + branch(key, where, "t", "from task t where " + COUNTED + " and " + LEAD_IN_FORCE)
            + " union all "
            + branch(
                key,
                where,
                "l",
                "from task_lead_history l join task t on t.id = l.task_id where "
                    + PAST_LEAD_ON_DAY
                    + " and "
                    + COUNTED)
            + ") s group by k order by k nulls first";
    boolean byMonth = query.by() == TaskStatisticsGroupBy.MONTH;
    List<StatisticsRow> out = new ArrayList<>();
    for (Object o : where.bind(em.createNativeQuery(sql)).getResultList()) {
      out.add(row((Object[]) o, byMonth));
    }
    return out;
  }

  /**
   * The four states on :day of the tasks due in [:from, :to] led on :day by one of {@code units}
   * (on, late, in term, overdue): from the task row when its current lead had taken over by then
   * (index task_lead: lead unit, then the range of sort_due, which is the due date of a task with
   * one), else from the closed period of its lead history valid that day.
   */
  long[] dueInWindow(List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    if (units.isEmpty()) {
      return new long[4];
    }
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select"
                        + FOUR_STATES
                        + " from (select t.due_date, t.completed_on from task t"
                        + " where t.lead_unit_id = any(cast(:units as uuid[]))"
                        + " and t.sort_due between :from and :to and "
                        + COUNTED
                        + " and "
                        + LEAD_IN_FORCE
                        + " union all select t.due_date, t.completed_on from task_lead_history l"
                        + " join task t on t.id = l.task_id"
                        + " where l.lead_unit_id = any(cast(:units as uuid[])) and "
                        + PAST_LEAD_ON_DAY
                        + " and t.due_date between :from and :to and "
                        + COUNTED
                        + ") t")
                .setParameter("units", PgTypes.uuidArray(units))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("day", day)
                .getSingleResult();
    return new long[] {
      PgTypes.longValue(r[0]),
      PgTypes.longValue(r[1]),
      PgTypes.longValue(r[2]),
      PgTypes.longValue(r[3])
    };
  }

  /** One branch of {@link #statistics}, the lead's columns read from {@code lead}. */
  private static String branch(String key, SqlWhere where, String lead, String from) {
    return "select "
        + key.replace(LEAD, lead)
        + " as k,"
        + FOUR_STATES
        + ' '
        + from
        + " and "
        + where.sql().replace(LEAD, lead)
        + " group by 1";
  }

  /**
   * Today's four-state counts per province from the live tally: whole months before and after the
   * current one come from task_tally; the open tasks of the current month are split at today from
   * the base table (by sort_due, the sargable form of danvan_task_outcome for open tasks derived in
   * V18: the covering index task_open_month has no due_date, completed_on). Same rows as {@link
   * #statistics} for the root grouped by province, as of today. The tally counts a task under its
   * current lead; a task whose lead changes only after today (a restructuring entered ahead of its
   * date) is moved back under its lead of today (two small branches over the partial index
   * task_lead_since and task_lead_history_past_to; empty otherwise).
   */
  List<StatisticsRow> provincesToday(LocalDate today) {
    LocalDate month = today.withDayOfMonth(1);
    List<StatisticsRow> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select k, sum(on_time), sum(late), sum(in_term), sum(overdue) from ("
                    + " select province_id k,"
                    + "  coalesce(sum(n) filter (where outcome = 'ON_TIME'), 0) on_time,"
                    + "  coalesce(sum(n) filter (where outcome = 'LATE'), 0) late,"
                    + "  coalesce(sum(n) filter (where outcome = 'OPEN' and due_month > :month), 0) in_term,"
                    + "  coalesce(sum(n) filter (where outcome = 'OPEN' and due_month < :month), 0) overdue"
                    + "  from task_tally group by province_id"
                    + " union all"
                    + " select coalesce(t.unit_at_2, t.lead_unit_id), 0, 0,"
                    + "  count(*) filter (where t.sort_due >= :today), count(*) filter (where t.sort_due < :today)"
                    + "  from task t where t.status in ('NEW','IN_PROGRESS') and t.recurrence_frequency is null"
                    + "  and t.sort_due >= :month and t.sort_due < :next group by 1"
                    + " union all"
                    + " select coalesce(t.unit_at_2, t.lead_unit_id), -a, -b, -c, -d from (select t.unit_at_2,"
                    + "  t.lead_unit_id,"
                    + FOUR_STATES
                    + "  from task t where t.lead_since > :day and "
                    + COUNTED
                    + "  group by 1, 2) t"
                    + " union all"
                    + " select coalesce(l.unit_at_2, l.lead_unit_id),"
                    + FOUR_STATES
                    + "  from task_lead_history l join task t on t.id = l.task_id where "
                    + PAST_LEAD_ON_DAY
                    + " and "
                    + COUNTED
                    + "  group by 1) s"
                    + " group by k having sum(on_time) + sum(late) + sum(in_term) + sum(overdue) > 0"
                    + " order by k")
            .setParameter("month", month)
            .setParameter("next", month.plusMonths(1))
            .setParameter("today", today)
            .setParameter("day", today)
            .getResultList()) {
      out.add(row((Object[]) o, false));
    }
    return out;
  }

  /** (key, on time, late, in term, overdue), the key a month or an id. */
  private static StatisticsRow row(Object[] r, boolean byMonth) {
    return new StatisticsRow(
        byMonth ? null : PgTypes.uuid(r[0]),
        byMonth ? (String) r[0] : null,
        PgTypes.longValue(r[1]),
        PgTypes.longValue(r[2]),
        PgTypes.longValue(r[3]),
        PgTypes.longValue(r[4]));
  }

  /** Names of units on {@code day} (else their latest), by id. */
  Map<UUID, String> unitNames(Collection<UUID> ids, LocalDate day) {
    Map<UUID, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    // the org-unit feature's rule for a unit's name on a day (V16), not its tables
    for (Object o :
        em.createNativeQuery(
                "select u.id, org_unit_name_on(u.id, :day) from unnest(cast(:ids as uuid[])) u(id)")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .setParameter("day", day)
            .getResultList()) {
      Object[] r = (Object[]) o;
      if (r[1] != null) {
        out.put(PgTypes.uuid(r[0]), (String) r[1]);
      }
    }
    return out;
  }
}
