package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/**
 * SQL of the reports: counts of visits and cases per group, the days heads received citizens. A
 * {@code roots} argument is the caller's scope; null means no scope test.
 */
@ApplicationScoped
class ReceptionReportRepository {

  @Inject EntityManager em;

  /** The visit figures of one group. */
  record VisitCounts(
      String key, long visits, long people, long groups, long anonymousDenunciations) {}

  /** The case figures of one group. */
  record CaseCounts(String key, long accepted, long resolved, long resolvedOnTime, long overdue) {}

  /** A day a unit held a session hosted by its head (or only by a delegated deputy). */
  record HeldDay(UUID unitId, LocalDate day, boolean head) {}

  List<VisitCounts> visitCounts(StatisticsQuery q, UUID[] roots) {
    SqlWhere w = where(q, "v", roots);
    return rows(
            w,
            "select "
                + key(q, "v")
                + " k, count(*), coalesce(sum(v.group_size), 0), count(*) filter (where v.group_size >= 5),"
                + " count(*) filter (where v.content_kind = 'DENUNCIATION' and v.anonymous)"
                + " from reception_visit v where "
                + w.sql()
                + " group by 1")
        .map(
            r ->
                new VisitCounts(
                    String.valueOf(r[0]),
                    PgTypes.longValue(r[1]),
                    PgTypes.longValue(r[2]),
                    PgTypes.longValue(r[3]),
                    PgTypes.longValue(r[4])))
        .toList();
  }

  /**
   * Cases received in the period, by group: accepted, resolved, resolved by their resolution due
   * date (none: on time), and overdue (open, past the acceptance or the resolution due date). As of
   * now, or with {@code q.asOf()} as they stood on {@code q.today()} read from the cases' dates (a
   * case resolved or closed later was open then); on today both read the same.
   */
  List<CaseCounts> caseCounts(StatisticsQuery q, UUID[] roots) {
    SqlWhere w = where(q, "c", roots).param("today", q.today());
    String sql =
        q.asOf()
            ? "select "
                + key(q, "c")
                + " k, count(*) filter (where c.accepted_date <= :today),"
                + " count(*) filter (where c.resolved_date <= :today),"
                + " count(*) filter (where c.resolved_date <= :today"
                + " and c.resolved_date <= coalesce(c.resolution_due_date, c.resolved_date)),"
                + " count(*) filter (where (c.status in ('RECEIVED','ACCEPTED') or c.resolved_date > :today"
                + " or c.closed_date > :today) and (((c.accepted_date is null or c.accepted_date > :today)"
                + " and c.acceptance_due_date < :today) or (c.accepted_date <= :today"
                + " and (c.resolved_date is null or c.resolved_date > :today) and c.resolution_due_date < :today)))"
                + " from reception_case c where "
                + w.sql()
                + " group by 1"
            : "select "
                + key(q, "c")
                + " k, count(*) filter (where c.accepted_date is not null),"
                + " count(*) filter (where c.resolved_date is not null),"
                + " count(*) filter (where c.resolved_date"
                + " <= coalesce(c.resolution_due_date, c.resolved_date)),"
                + " count(*) filter (where c.status in ('RECEIVED','ACCEPTED') and ((c.accepted_date is null and c.acceptance_due_date < :today)"
                + " or (c.accepted_date is not null and c.resolved_date is null and c.resolution_due_date < :today)))"
                + " from reception_case c where "
                + w.sql()
                + " group by 1";
    return rows(w, sql)
        .map(
            r ->
                new CaseCounts(
                    String.valueOf(r[0]),
                    PgTypes.longValue(r[1]),
                    PgTypes.longValue(r[2]),
                    PgTypes.longValue(r[3]),
                    PgTypes.longValue(r[4])))
        .toList();
  }

  /** The unit, period and scope conditions on the table aliased {@code a}. */
  private static SqlWhere where(StatisticsQuery q, String a, UUID[] roots) {
    SqlWhere w = new SqlWhere();
    if (q.units() != null) {
      // a report's units: an index probe per unit on (unit_id, date)
      w.add(a + ".unit_id = any(cast(:units as uuid[]))", "units", PgTypes.uuidArray(q.units()));
    } else if (q.province()) {
      // an index range, not an array test
      w.add(a + ".unit_path[2] = :unit", "unit", q.unit());
    } else {
      UnitFilter.apply(w, a + ".unit_id", a + ".unit_path", q.unit(), q.mode());
    }
    w.add(a + ".received_date between :from and :to", "from", q.from()).param("to", q.to());
    return ReceptionRepository.inScope(w, a, roots);
  }

  /** The group key of a row; UNIT groups by the child of the selected unit the row lies under. */
  private static String key(StatisticsQuery q, String a) {
    return switch (q.groupBy()) {
      case CONTENT_KIND -> a.equals("v") ? "v.content_kind" : "c.kind";
      case FIELD -> a + ".field";
      case OUTCOME -> "coalesce(v.outcome, 'NONE')";
      case MONTH -> "to_char(" + a + ".received_date, 'YYYY-MM')";
      case UNIT ->
          q.province()
              ? "cast(coalesce(" + a + ".unit_path[3], " + a + ".unit_id) as text)"
              : q.unit() == null || q.mode() == OrgUnitMode.SELECTED
                  ? "cast(" + a + ".unit_id as text)"
                  : "cast(coalesce("
                      + a
                      + ".unit_path[array_position("
                      + a
                      + ".unit_path, cast(:unit as uuid)) + 1], "
                      + a
                      + ".unit_id) as text)";
    };
  }

  /**
   * The days in [{@code from}, {@code to}] on which each of {@code units} held a session hosted by
   * its head or a delegated deputy.
   */
  List<HeldDay> heldDays(List<UUID> units, LocalDate from, LocalDate to) {
    if (units.isEmpty()) {
      return List.of();
    }
    SqlWhere w =
        new SqlWhere()
            .add("host_role in ('HEAD','DEPUTY_DELEGATED')")
            .add("session_date between :from and :to", "from", from)
            .param("to", to)
            .add("unit_id = any(cast(:ids as uuid[]))", "ids", PgTypes.uuidArray(units));
    return rows(
            w,
            "select unit_id, session_date, bool_or(host_role = 'HEAD') from reception_session"
                + " where "
                + w.sql()
                + " group by unit_id, session_date")
        .map(r -> new HeldDay(PgTypes.uuid(r[0]), PgTypes.toDate(r[1]), Boolean.TRUE.equals(r[2])))
        .toList();
  }

  private Stream<Object[]> rows(SqlWhere w, String sql) {
    List<?> rows = w.bind(em.createNativeQuery(sql)).getResultList();
    return rows.stream().map(o -> (Object[]) o);
  }
}
