package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
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

  /**
   * The visit figures of each group. A statistics query reads its whole months from {@code
   * reception_visit_tally} (kept by the writing transactions) and only the days before its first
   * and after its last whole month from the visits; a report's figures read the visits of its
   * units.
   */
  List<VisitCounts> visitCounts(StatisticsQuery q, UUID[] roots) {
    WholeMonths months = WholeMonths.of(q);
    List<Part> parts = new ArrayList<>();
    if (months != null) {
      SqlWhere w = tallyWhere(q, "t", roots, months);
      parts.add(
          new Part(
              "select "
                  + tallyKey(q)
                  + " k, t.visits n1, t.people n2, t.groups n3, t.anonymous_denunciations n4"
                  + " from reception_visit_tally t where "
                  + w.sql(),
              w));
    }
    for (LocalDate[] days : liveDays(q, months)) {
      SqlWhere w = where(q, "v", roots, parts.size(), days[0], days[1]);
      parts.add(
          new Part(
              "select "
                  + key(q, "v")
                  + " k, count(*) n1, coalesce(sum(v.group_size), 0) n2,"
                  + " count(*) filter (where v.group_size >= 5) n3,"
                  + " count(*) filter (where v.content_kind = 'DENUNCIATION' and v.anonymous) n4"
                  + " from reception_visit v where "
                  + w.sql()
                  + " group by 1",
              w));
    }
    return sum(parts, List.of("n1", "n2", "n3", "n4"))
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
   * case resolved or closed later was open then); on today both read the same. As of now, the whole
   * months' counts come from {@code reception_case_tally} and their overdue cases from the open
   * cases alone.
   */
  List<CaseCounts> caseCounts(StatisticsQuery q, UUID[] roots) {
    WholeMonths months = WholeMonths.of(q);
    List<Part> parts = new ArrayList<>();
    if (months != null) {
      SqlWhere w = tallyWhere(q, "t", roots, months);
      parts.add(
          new Part(
              "select "
                  + tallyKey(q)
                  + " k, t.cases n0, t.accepted n1, t.resolved n2, t.resolved_on_time n3, 0 n4"
                  + " from reception_case_tally t where "
                  + w.sql(),
              w));
      SqlWhere open =
          where(q, "c", roots, 9, months.first(), months.end())
              .add("c.status in ('RECEIVED','ACCEPTED')")
              .add(OVERDUE_NOW)
              .param("today", q.today());
      parts.add(
          new Part(
              "select "
                  + key(q, "c")
                  + " k, 0 n0, 0 n1, 0 n2, 0 n3, count(*) n4 from reception_case c where "
                  + open.sql()
                  + " group by 1",
              open));
    }
    for (LocalDate[] days : liveDays(q, months)) {
      SqlWhere w = where(q, "c", roots, parts.size(), days[0], days[1]).param("today", q.today());
      parts.add(new Part(liveCases(q, w), w));
    }
    return sum(parts, List.of("n0", "n1", "n2", "n3", "n4"))
        .map(
            r ->
                new CaseCounts(
                    String.valueOf(r[0]),
                    PgTypes.longValue(r[2]),
                    PgTypes.longValue(r[3]),
                    PgTypes.longValue(r[4]),
                    PgTypes.longValue(r[5])))
        .toList();
  }

  /** Open now and past a due date: the overdue cases of the statistics. */
  private static final String OVERDUE_NOW =
      "(c.accepted_date is null and c.acceptance_due_date < :today)"
          + " or (c.accepted_date is not null and c.resolved_date is null"
          + " and c.resolution_due_date < :today)";

  /** The case figures of the cases matching {@code w}, counted from the cases themselves. */
  private static String liveCases(StatisticsQuery q, SqlWhere w) {
    return q.asOf()
        ? "select "
            + key(q, "c")
            + " k, count(*) n0, count(*) filter (where c.accepted_date <= :today) n1,"
            + " count(*) filter (where c.resolved_date <= :today) n2,"
            + " count(*) filter (where c.resolved_date <= :today"
            + " and c.resolved_date <= coalesce(c.resolution_due_date, c.resolved_date)) n3,"
            + " count(*) filter (where (c.status in ('RECEIVED','ACCEPTED') or c.resolved_date > :today"
            + " or c.closed_date > :today) and (((c.accepted_date is null or c.accepted_date > :today)"
            + " and c.acceptance_due_date < :today) or (c.accepted_date <= :today"
            + " and (c.resolved_date is null or c.resolved_date > :today) and c.resolution_due_date < :today))) n4"
            + " from reception_case c where "
            + w.sql()
            + " group by 1"
        : "select "
            + key(q, "c")
            + " k, count(*) n0, count(*) filter (where c.accepted_date is not null) n1,"
            + " count(*) filter (where c.resolved_date is not null) n2,"
            + " count(*) filter (where c.resolved_date"
            + " <= coalesce(c.resolution_due_date, c.resolved_date)) n3,"
            + " count(*) filter (where c.status in ('RECEIVED','ACCEPTED') and ("
            + OVERDUE_NOW
            + ")) n4 from reception_case c where "
            + w.sql()
            + " group by 1";
  }

  /** One subquery of a statistics statement: group key {@code k} and figures n0…n4. */
  private record Part(String sql, SqlWhere where) {}

  /**
   * The parts' figures summed by group in one statement: the key, then the sums of {@code figures}
   * in order. A group is kept when the sum of the first figure (its records) is positive: a tally
   * row whose counts fell to zero makes no group.
   */
  private Stream<Object[]> sum(List<Part> parts, List<String> figures) {
    SqlWhere all = new SqlWhere();
    // grouped by the key's own type (a unit's uuid hashes faster than its text), answered as text
    StringBuilder sql = new StringBuilder("select cast(k as text)");
    figures.forEach(f -> sql.append(", sum(").append(f).append(")"));
    sql.append(" from (");
    for (int i = 0; i < parts.size(); i++) {
      sql.append(i == 0 ? "" : " union all ").append(parts.get(i).sql());
      parts.get(i).where().params().forEach(all::param);
    }
    sql.append(") x group by k having sum(").append(figures.get(0)).append(") > 0");
    return rows(all, sql.toString());
  }

  /**
   * The whole months of a statistics query's period, [{@code first}, {@code last}] by their first
   * days; null when the period holds none, for a grouping the tallies do not keep, and for a
   * report's figures (all counted from the records).
   */
  private record WholeMonths(LocalDate first, LocalDate last) {

    static WholeMonths of(StatisticsQuery q) {
      if (q.units() != null || q.asOf() || dimension(q.groupBy()) == null) {
        return null;
      }
      LocalDate first =
          q.from().getDayOfMonth() == 1 ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
      LocalDate last =
          q.to().getDayOfMonth() == q.to().lengthOfMonth()
              ? q.to().withDayOfMonth(1)
              : q.to().withDayOfMonth(1).minusMonths(1);
      return first.isAfter(last) ? null : new WholeMonths(first, last);
    }

    /** The last day of the last whole month. */
    LocalDate end() {
      return last.plusMonths(1).minusDays(1);
    }
  }

  /** The days of the period counted from the records: all of it, or the days around its months. */
  private static List<LocalDate[]> liveDays(StatisticsQuery q, WholeMonths months) {
    if (months == null) {
      return List.<LocalDate[]>of(new LocalDate[] {q.from(), q.to()});
    }
    List<LocalDate[]> days = new ArrayList<>();
    if (q.from().isBefore(months.first())) {
      days.add(new LocalDate[] {q.from(), months.first().minusDays(1)});
    }
    if (q.to().isAfter(months.end())) {
      days.add(new LocalDate[] {months.end().plusDays(1), q.to()});
    }
    return days;
  }

  /** The unit, months, dimension and scope conditions on a tally aliased {@code a}. */
  private static SqlWhere tallyWhere(
      StatisticsQuery q, String a, UUID[] roots, WholeMonths months) {
    SqlWhere w = new SqlWhere();
    if (q.province()) {
      w.add(a + ".unit_path[2] = :unit", "unit", q.unit());
    } else {
      UnitFilter.apply(w, a + ".unit_id", a + ".unit_path", q.unit(), q.mode());
    }
    w.add(a + ".dimension = :dimension", "dimension", dimension(q.groupBy()));
    w.add(a + ".month between :m1 and :m2", "m1", months.first()).param("m2", months.last());
    return ReceptionRepository.inScope(w, a, roots);
  }

  /**
   * The tally dimension a grouping reads: by unit and by month read the totals; none by field or
   * outcome, which are counted from the records (V34 says why).
   */
  private static String dimension(ReceptionStatisticsGroupBy by) {
    return switch (by) {
      case UNIT, MONTH -> "TOTAL";
      case CONTENT_KIND -> by.name();
      case FIELD, OUTCOME -> null;
    };
  }

  /** The group key of a tally row. */
  private static String tallyKey(StatisticsQuery q) {
    return switch (q.groupBy()) {
      case CONTENT_KIND, FIELD, OUTCOME -> "t.key";
      case MONTH -> "to_char(t.month, 'YYYY-MM')";
      case UNIT -> key(q, "t");
    };
  }

  /**
   * The unit and scope conditions on the table aliased {@code a}, and its records received in
   * [{@code from}, {@code to}] (parameters numbered {@code n}, so several parts bind together).
   */
  private static SqlWhere where(
      StatisticsQuery q, String a, UUID[] roots, int n, LocalDate from, LocalDate to) {
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
    w.add(a + ".received_date between :from" + n + " and :to" + n, "from" + n, from)
        .param("to" + n, to);
    return ReceptionRepository.inScope(w, a, roots);
  }

  /**
   * The group key of a row; UNIT groups by the child of the selected unit the row lies under (a
   * uuid; the other keys are text).
   */
  private static String key(StatisticsQuery q, String a) {
    return switch (q.groupBy()) {
      case CONTENT_KIND -> a.equals("v") ? "v.content_kind" : "c.kind";
      case FIELD -> a + ".field";
      case OUTCOME -> "coalesce(v.outcome, 'NONE')";
      case MONTH -> "to_char(" + a + ".received_date, 'YYYY-MM')";
      case UNIT ->
          q.province()
              ? "coalesce(" + a + ".unit_path[3], " + a + ".unit_id)"
              : q.unit() == null || q.mode() == OrgUnitMode.SELECTED
                  ? a + ".unit_id"
                  : "coalesce("
                      + a
                      + ".unit_path[array_position("
                      + a
                      + ".unit_path, cast(:unit as uuid)) + 1], "
                      + a
                      + ".unit_id)";
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
