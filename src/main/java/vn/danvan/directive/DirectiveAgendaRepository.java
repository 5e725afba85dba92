package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;

/**
 * SQL of the implementing plans in the agenda: the live obligation rows on the query's day (the
 * coverage's rule, {@link DirectiveObligationRepository#LIVE_ON}) of directives that still bind
 * (not revoked or superseded) and that the caller may read ({@link DirectiveRepository#readable}).
 */
@ApplicationScoped
class DirectiveAgendaRepository {

  /** One obligation: its row, unit, due date, fulfilment, the directive's id, number and title. */
  record Row(
      UUID id,
      UUID unitId,
      LocalDate due,
      LocalDate fulfilledOn,
      UUID directiveId,
      String number,
      String title) {}

  /** How many obligations of one unit, due in one month, are in one state on the day. */
  record Count(UUID unitId, String month, ObligationState state, long count) {}

  private static final String STATE = ObligationState.sql("o.due_date", "o.fulfilled_on", ":asOf");

  @Inject EntityManager em;

  /**
   * One page in the agenda's order ({@code (due_date, id)}), after the cursor; {@code units} the
   * owing units (null for all), {@code roots} the caller's scope for the reading rule.
   */
  List<Row> page(ObligationQuery q, UUID[] units) {
    SqlWhere where = where(q, units);
    String dir = q.descending() ? " desc" : "";
    if (q.after() != null) {
      where
          .add("(o.due_date, o.id) " + (q.descending() ? "<" : ">") + " (:afterDue, :afterId)")
          .param("afterDue", q.after().dueDate())
          .param("afterId", q.afterIdFor(ObligationKind.IMPLEMENTING_PLAN));
    }
    Query query =
        em.createNativeQuery(
            "select o.id, o.unit_id, o.due_date, o.fulfilled_on, d.id as d, d.full_number,"
                + " d.title from directive_obligation o join directive d on d.id = o.directive_id"
                + " where "
                + where.sql()
                + " order by o.due_date"
                + dir
                + ", o.id"
                + dir
                + " limit :limit");
    List<Row> out = new ArrayList<>();
    for (Object o : where.bind(query).setParameter("limit", q.limit()).getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Row(
              PgTypes.uuid(r[0]),
              PgTypes.uuid(r[1]),
              PgTypes.toDate(r[2]),
              PgTypes.toDate(r[3]),
              PgTypes.uuid(r[4]),
              (String) r[5],
              (String) r[6]));
    }
    return out;
  }

  /** The counts per owing unit, month of the due date and state. */
  List<Count> count(ObligationQuery q, UUID[] units) {
    SqlWhere where = where(q, units);
    List<Count> out = new ArrayList<>();
    for (Object o :
        where
            .bind(
                em.createNativeQuery(
                    "select o.unit_id, to_char(o.due_date, 'YYYY-MM'), "
                        + STATE
                        + ", count(*) from directive_obligation o"
                        + " join directive d on d.id = o.directive_id where "
                        + where.sql()
                        + " group by 1, 2, 3"))
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Count(
              PgTypes.uuid(r[0]),
              (String) r[1],
              ObligationState.valueOf((String) r[2]),
              PgTypes.longValue(r[3])));
    }
    return out;
  }

  private static SqlWhere where(ObligationQuery q, UUID[] units) {
    SqlWhere where =
        new SqlWhere()
            .add("d.status in ('ISSUED','EXPIRED')")
            .add(DirectiveObligationRepository.LIVE_ON, "asOf", q.day())
            .add(DirectiveRepository.readable("d", q.roots()));
    if (q.roots() != null) {
      where.param("roots", q.roots());
    }
    if (units != null) {
      where.add("o.unit_id = any(cast(:units as uuid[]))", "units", units);
    }
    if (q.state() != null) {
      where.add(STATE + " = :state", "state", q.state().name());
    }
    return where
        .addIfPresent("o.due_date >= :dueFrom", "dueFrom", q.dueFrom())
        .addIfPresent("o.due_date <= :dueTo", "dueTo", q.dueTo());
  }
}
