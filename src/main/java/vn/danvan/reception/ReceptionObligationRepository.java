package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/**
 * SQL of the cases' legal deadlines as agenda obligations ({@link CaseObligations}): one keyset
 * branch per kind over the partial due-date indexes of V30, and one aggregate per kind for the
 * counts.
 */
@ApplicationScoped
class ReceptionObligationRepository {

  @Inject EntityManager em;

  /** One deadline of one case, its state on the query's day from {@code danvan_task_outcome}. */
  record CaseDeadlineRow(
      ObligationKind kind,
      UUID caseId,
      UUID unitId,
      LocalDate dueDate,
      LocalDate doneDate,
      ObligationState state,
      ContentKind contentKind,
      String sourceId) {}

  /** What a deadline kind reads from the case row. */
  private record Columns(String due, String done, String start) {}

  /**
   * Acceptance: due from the receipt, done when accepted or, closed without acceptance, refused.
   * Resolution (extensions applied in the stored due date): due once accepted, done when resolved
   * (a case is closed only once resolved, or without acceptance).
   */
  private static Columns columns(ObligationKind kind) {
    return switch (kind) {
      case CASE_ACCEPTANCE ->
          new Columns(
              "c.acceptance_due_date",
              "coalesce(c.accepted_date, case when c.status = 'CLOSED' then c.closed_date end)",
              "c.received_date");
      case CASE_RESOLUTION ->
          new Columns(
              "c.resolution_due_date",
              "coalesce(c.resolved_date, c.closed_date)",
              "c.accepted_date");
      default -> throw new IllegalArgumentException("Not a case deadline: " + kind);
    };
  }

  /**
   * The first {@code q.limit()} deadlines of {@code kinds} after the cursor, in the agenda's order;
   * {@code province} adds the redundant {@code unit_path[2]} condition that selects the
   * per-province indexes (the selected unit is a province, its whole subtree wanted).
   */
  List<CaseDeadlineRow> page(ObligationQuery q, List<ObligationKind> kinds, boolean province) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    String dir = q.descending() ? "desc" : "asc";
    List<String> branches = new ArrayList<>();
    List<SqlWhere> wheres = new ArrayList<>();
    for (ObligationKind kind : kinds) {
      Columns c = columns(kind);
      SqlWhere w = common(q, c, province);
      keyset(w, q, kind, c.due());
      wheres.add(w);
      branches.add(
          "(select '"
              + kind.name()
              + "' as okind, c.id, c.unit_id, "
              + c.due()
              + " as due, "
              + c.done()
              + " as done, "
              + ObligationState.sql(c.due(), c.done(), ":day")
              + " as state, c.kind as ckind, c.source_id from reception_case c where "
              + w.sql()
              + " order by "
              + c.due()
              + " "
              + dir
              + ", c.id "
              + dir
              + " limit :n)");
    }
    String sql =
        "select * from ("
            + String.join(" union all ", branches)
            + ") o order by o.due "
            + dir
            + ", o.okind "
            + dir
            + ", o.id "
            + dir
            + " limit :n";
    var query = em.createNativeQuery(sql);
    wheres.forEach(w -> w.bind(query));
    List<?> rows = query.setParameter("n", q.limit()).getResultList();
    List<CaseDeadlineRow> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new CaseDeadlineRow(
              ObligationKind.valueOf((String) r[0]),
              PgTypes.uuid(r[1]),
              PgTypes.uuid(r[2]),
              PgTypes.toDate(r[3]),
              PgTypes.toDate(r[4]),
              ObligationState.valueOf((String) r[5]),
              ContentKind.valueOf((String) r[6]),
              (String) r[7]));
    }
    return out;
  }

  /**
   * The counts of kind × state of the deadlines of {@code kinds}, grouped by {@code groupBy}: one
   * aggregate per kind over the cases (a plain scan each; a lateral list of both deadlines per case
   * measured three times slower).
   */
  List<ObligationCount> count(
      ObligationQuery q,
      List<ObligationKind> kinds,
      boolean province,
      ObligationGrouping groupBy,
      int groupLevel) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    List<String> branches = new ArrayList<>();
    List<SqlWhere> wheres = new ArrayList<>();
    for (ObligationKind kind : kinds) {
      Columns c = columns(kind);
      SqlWhere w = common(q, c, province);
      String group =
          switch (groupBy) {
            case CHILD_UNIT -> {
              w.param("level", groupLevel);
              yield "coalesce(c.unit_path[cast(:level as int)], c.unit_id)";
            }
            case MONTH -> "cast(date_trunc('month', " + c.due() + ") as date)";
            case KIND -> "null";
          };
      wheres.add(w);
      branches.add(
          "select '"
              + kind.name()
              + "', "
              + ObligationState.sql(c.due(), c.done(), ":day")
              + ", "
              + group
              + ", count(*) from reception_case c where "
              + w.sql()
              + " group by 2, 3");
    }
    var query = em.createNativeQuery(String.join(" union all ", branches));
    wheres.forEach(w -> w.bind(query));
    List<?> rows = query.getResultList();
    List<ObligationCount> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new ObligationCount(
              ObligationKind.valueOf((String) r[0]),
              ObligationState.valueOf((String) r[1]),
              groupBy == ObligationGrouping.CHILD_UNIT ? PgTypes.uuid(r[2]) : null,
              groupBy == ObligationGrouping.MONTH ? YearMonth.from(PgTypes.toDate(r[2])) : null,
              PgTypes.longValue(r[3])));
    }
    return out;
  }

  /**
   * The conditions every deadline query shares: a due date, a case still binding (not transferred
   * out), started by the query's day, the unit filter and scope, the due-date bounds and the state
   * (with its sargable bound on the due date).
   */
  private static SqlWhere common(ObligationQuery q, Columns c, boolean province) {
    SqlWhere w =
        new SqlWhere()
            .add(c.due() + " is not null")
            .add("c.status <> 'TRANSFERRED'")
            .add(c.start() + " <= :day", "day", q.day());
    UnitFilter.apply(w, "c.unit_id", "c.unit_path", q.unitId(), q.mode());
    if (province) {
      w.add("c.unit_path[2] = :unit");
    }
    ReceptionRepository.inScope(w, "c", q.roots());
    w.addIfPresent(c.due() + " >= :dueFrom", "dueFrom", q.dueFrom());
    w.addIfPresent(c.due() + " <= :dueTo", "dueTo", q.dueTo());
    if (q.state() != null) {
      switch (q.state()) {
        case OVERDUE -> w.add(c.due() + " < :day");
        case IN_PROGRESS_IN_TERM -> w.add(c.due() + " >= :day");
        default -> w.add(c.done() + " <= :day");
      }
      w.add(
          ObligationState.sql(c.due(), c.done(), ":day") + " = :state", "state", q.state().name());
    }
    return w;
  }

  /**
   * The cursor as a range on the branch's own (due, id) index: the row {@code (due, kind, id)}
   * after the cursor's, the kind a constant of the branch.
   */
  private static void keyset(SqlWhere w, ObligationQuery q, ObligationKind kind, String due) {
    ObligationKey after = q.after();
    if (after == null) {
      return;
    }
    String gt = q.descending() ? "<" : ">";
    int byKind = kind.name().compareTo(after.kind().name());
    w.param("afterDue", after.dueDate());
    if (byKind == 0) {
      w.add("(" + due + ", c.id) " + gt + " (:afterDue, :afterId)", "afterId", after.id());
    } else if ((byKind > 0) != q.descending()) {
      w.add(due + " " + gt + "= :afterDue");
    } else {
      w.add(due + " " + gt + " :afterDue");
    }
  }
}
