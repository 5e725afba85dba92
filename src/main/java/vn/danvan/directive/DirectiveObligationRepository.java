package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;

/**
 * SQL of the obligations to implement a directive: one statement per cascade step (each returns the
 * rows it changed, for {@link DirectiveObligationService} to announce) and the coverage reads.
 */
@ApplicationScoped
class DirectiveObligationRepository {

  /** The obligations one pass-on statement looks at. */
  enum Scope {
    /** The open obligations of one closed unit (the restructuring hook). */
    UNIT("o.unit_id = :key"),
    /** The obligations of one directive (a document entered after the restructurings). */
    DIRECTIVE("o.directive_id = :key");

    private final String sql;

    Scope(String sql) {
      this.sql = sql;
    }
  }

  /** A fulfilled row, with the day it had been passed on when the fulfilment took it back. */
  record Fulfilment(ObligationRow row, LocalDate wasPassedOn) {}

  /** The columns of an obligation row {@code o}, as {@link #row} reads them. */
  private static final String OBLIGATION =
      "o.id, o.directive_id, o.unit_id, o.due_date, o.transferred_from_unit_id, o.transferred_on,"
          + " o.passed_on, o.fulfilled_by_id, o.fulfilled_on";

  /**
   * The obligations owed on :asOf: a row passed on by a restructuring is still its unit's before
   * the restructuring's effective date, and the successor's row counts from that date.
   */
  static final String LIVE_ON =
      "(o.passed_on is null or o.passed_on > :asOf)"
          + " and (o.transferred_on is null or o.transferred_on <= :asOf)";

  /** The state of a live obligation {@code o} on :asOf, the four states of Decision 42/2014. */
  private static final String STATE =
      "case when o.fulfilled_on <= :asOf then"
          + " case when o.fulfilled_on <= o.due_date then 'ISSUED_ON_TIME' else 'ISSUED_LATE' end"
          + " when :asOf <= o.due_date then 'PENDING_IN_TERM' else 'OVERDUE' end";

  /**
   * The unit's name on :asOf (its latest version begun by then), else its first: two probes of the
   * (unit_id, valid_from) index per row.
   */
  private static final String OBLIGED_UNIT_NAME =
      " left join lateral (select org_unit_name_on(o.unit_id, :asOf) as name) u on true";

  @Inject EntityManager em;

  // ------------------------------------------------------------------ cascade steps

  /** One obligation per target unit, all due on {@code due}; returns the rows created. */
  List<ObligationRow> insert(UUID directiveId, List<UUID> unitIds, LocalDate due, Instant at) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return rows(
        em.createNativeQuery(
                "insert into directive_obligation as o (id, directive_id, unit_id, due_date,"
                    + " created_at) select gen_random_uuid(), :d, u, :due, :at"
                    + " from unnest(cast(:units as uuid[])) u"
                    + " on conflict (directive_id, unit_id) do nothing returning "
                    + OBLIGATION)
            .setParameter("d", directiveId)
            .setParameter("units", PgTypes.uuidArray(unitIds))
            .setParameter("due", due)
            .setParameter("at", PgTypes.timestamp(at)));
  }

  /**
   * Marks open obligations fulfilled by the earliest issued document of their unit that IMPLEMENTS
   * their directive; limited to the obligations of one directive, or to those a document may
   * fulfil. A row passed on because its unit closed without a plan is fulfilled too when the plan,
   * entered later, is dated before the closing (then it was never passed on): such a fulfilment
   * carries the day it had been passed on.
   */
  List<Fulfilment> fulfil(UUID directiveId, UUID sourceId) {
    String only = directiveId != null ? "r.target_id = :id" : "r.source_id = :id";
    List<Fulfilment> out = new ArrayList<>();
    for (Object[] r :
        results(
            em.createNativeQuery(
                    "with f as (select distinct on (r.target_id, d.issuing_unit_id)"
                        + " r.target_id, d.issuing_unit_id as unit_id, d.id, d.issue_date"
                        + " from directive_reference r join directive d on d.id = r.source_id"
                        + " where "
                        + only
                        + " and r.relation = 'IMPLEMENTS' and d.status not in ('DRAFT', 'REVOKED')"
                        + " and d.issuing_unit_id is not null and d.issue_date is not null"
                        + " order by r.target_id, d.issuing_unit_id, d.issue_date, d.id),"
                        + " m as (select o.id, o.passed_on as was_passed_on, f.id as doc, f.issue_date"
                        + " from directive_obligation o join f on o.directive_id = f.target_id"
                        + " and o.unit_id = f.unit_id where o.fulfilled_by_id is null"
                        + " and (o.passed_on is null or f.issue_date < o.passed_on))"
                        + " update directive_obligation o set fulfilled_by_id = m.doc,"
                        + " fulfilled_on = m.issue_date, passed_on = null from m where o.id = m.id"
                        + " returning "
                        + OBLIGATION
                        + ", m.was_passed_on")
                .setParameter("id", directiveId != null ? directiveId : sourceId))) {
      out.add(new Fulfilment(row(r), PgTypes.toDate(r[9])));
    }
    return out;
  }

  /**
   * Deletes what the successors of {@code unit} got from its row passed on on {@code passedOn},
   * down the chain, where nobody has met it yet; returns the rows deleted.
   */
  List<ObligationRow> takeBack(UUID directiveId, UUID unit, LocalDate passedOn) {
    return rows(
        em.createNativeQuery(
                "with recursive derived(id, unit_id, passed_on) as ("
                    + " select o.id, o.unit_id, o.passed_on from directive_obligation o"
                    + " where o.directive_id = :d and o.transferred_from_unit_id = :u"
                    + " and o.transferred_on = :e and o.fulfilled_by_id is null"
                    + " union select o.id, o.unit_id, o.passed_on from directive_obligation o"
                    + " join derived x on o.transferred_from_unit_id = x.unit_id"
                    + " and o.transferred_on = x.passed_on"
                    + " where o.directive_id = :d and o.fulfilled_by_id is null)"
                    + " delete from directive_obligation o where o.id in (select id from derived)"
                    + " returning "
                    + OBLIGATION)
            .setParameter("d", directiveId)
            .setParameter("u", unit)
            .setParameter("e", passedOn));
  }

  /** Forgets every fulfilment by {@code sourceId}; returns the rows reopened. */
  List<ObligationRow> unfulfilAll(UUID sourceId) {
    return rows(
        em.createNativeQuery(
                "update directive_obligation o set fulfilled_by_id = null, fulfilled_on = null"
                    + " where o.fulfilled_by_id = :s returning "
                    + OBLIGATION)
            .setParameter("s", sourceId));
  }

  /** Forgets the fulfilments of {@code targetId}'s obligations by {@code sourceId}. */
  List<ObligationRow> unfulfil(UUID targetId, UUID sourceId) {
    return rows(
        em.createNativeQuery(
                "update directive_obligation o set fulfilled_by_id = null, fulfilled_on = null"
                    + " where o.directive_id = :t and o.fulfilled_by_id = :s returning "
                    + OBLIGATION)
            .setParameter("t", targetId)
            .setParameter("s", sourceId));
  }

  /**
   * The rule of passing on (step 1): an open obligation of a unit whose life ended the day before a
   * restructuring that names successors in the lineage is passed on from that day. Nothing is
   * rewritten: the row stays its unit's before that day.
   */
  List<ObligationRow> markPassedOn(Scope scope, UUID key) {
    return rows(
        em.createNativeQuery(
                "update directive_obligation o set passed_on = u.valid_to + 1 from org_unit u"
                    + " where u.id = o.unit_id and u.valid_to is not null and "
                    + scope.sql
                    + " and o.passed_on is null and o.fulfilled_by_id is null"
                    + " and exists (select 1 from org_unit_lineage l where l.predecessor_id = o.unit_id"
                    + " and l.effective_date = u.valid_to + 1)"
                    + " returning "
                    + OBLIGATION)
            .setParameter("key", key));
  }

  /**
   * The rule of passing on (step 2): every successor the lineage names on the day a row was passed
   * on (a merged commune's successor; each part of a split or of a commune shared between several)
   * owes it from that day with a row of its own naming where it came from, unless it already owes
   * the directive. Returns the rows given.
   */
  List<ObligationRow> giveToSuccessors(Scope scope, UUID key, Instant at) {
    return rows(
        em.createNativeQuery(
                "insert into directive_obligation as n (id, directive_id, unit_id, due_date,"
                    + " transferred_from_unit_id, transferred_on, created_at)"
                    + " select gen_random_uuid(), o.directive_id, l.successor_id, o.due_date,"
                    + " o.unit_id, o.passed_on, :at from directive_obligation o"
                    + " join org_unit_lineage l on l.predecessor_id = o.unit_id"
                    + " and l.effective_date = o.passed_on"
                    + " where o.passed_on is not null and "
                    + scope.sql
                    // several predecessors in one statement (a document entered after the
                    // restructuring): the successor takes over the most urgent obligation, then the
                    // lowest unit id; a restructuring passes its sources on one by one, in order
                    + " order by o.due_date, o.unit_id"
                    + " on conflict (directive_id, unit_id) do nothing returning "
                    + OBLIGATION.replace("o.", "n."))
            .setParameter("key", key)
            .setParameter("at", PgTypes.timestamp(at)));
  }

  // ------------------------------------------------------------------ coverage

  /**
   * One page of a directive's coverage, states computed by the database, ordered by unit name then
   * id, after ({@code afterName}, {@code afterId}) when given. The implementing document is left
   * out when the caller (restricted to {@code roots}, or null) may not read it; the state still
   * counts it.
   */
  List<CoverageRow> coverage(
      CoverageQuery query, String afterName, UUID afterId, int fetch, UUID[] roots) {
    String shown = "o.fulfilled_on <= :asOf and " + DirectiveRepository.readable("d", roots);
    SqlWhere where =
        new SqlWhere()
            .addIfPresent(
                "c.state = :state", "state", query.state() == null ? null : query.state().name());
    if (afterId != null) {
      where.add("(c.name, c.unit_id) > (:afterName, :afterId)", "afterName", afterName);
      where.param("afterId", afterId);
    }
    String sql =
        "select c.unit_id, c.name, c.state, c.due_date, c.doc_id, c.full_number, c.doc_date,"
            + " c.transferred_from_unit_id from (select o.unit_id, coalesce(u.name, '') as name, "
            + STATE
            + " as state, o.due_date, o.transferred_from_unit_id,"
            + " case when "
            + shown
            + " then o.fulfilled_by_id end as doc_id,"
            + " case when "
            + shown
            + " then d.full_number end as full_number,"
            + " case when "
            + shown
            + " then o.fulfilled_on end as doc_date"
            + " from directive_obligation o"
            + " left join directive d on d.id = o.fulfilled_by_id"
            + OBLIGED_UNIT_NAME
            + " where o.directive_id = :id and "
            + LIVE_ON
            + ") c where "
            + where.sql()
            + " order by c.name, c.unit_id limit :fetch";
    Query q =
        where
            .bind(em.createNativeQuery(sql))
            .setParameter("id", query.directiveId())
            .setParameter("asOf", query.asOf())
            .setParameter("fetch", fetch);
    DirectiveRepository.bindRoots(q, roots);
    List<CoverageRow> out = new ArrayList<>();
    for (Object[] r : results(q)) {
      out.add(
          new CoverageRow(
              (UUID) r[0],
              (String) r[1],
              CoverageState.valueOf((String) r[2]),
              PgTypes.toDate(r[3]),
              (UUID) r[4],
              (String) r[5],
              PgTypes.toDate(r[6]),
              (UUID) r[7]));
    }
    return out;
  }

  /**
   * The obligations owed on {@code asOf} by {@code units} and due in [{@code from}, {@code to}],
   * per state on that day (every state present): the coverage's rule over every directive. Index
   * directive_obligation_unit (unit, due date; V24).
   */
  Map<CoverageState, Long> owedStates(
      List<UUID> units, LocalDate from, LocalDate to, LocalDate asOf) {
    Map<CoverageState, Long> out = new EnumMap<>(CoverageState.class);
    for (CoverageState s : CoverageState.values()) {
      out.put(s, 0L);
    }
    if (units.isEmpty()) {
      return out;
    }
    for (Object[] r :
        results(
            em.createNativeQuery(
                    "select "
                        + STATE
                        + " as state, count(*) from directive_obligation o"
                        + " where o.unit_id = any(cast(:units as uuid[]))"
                        + " and o.due_date between :from and :to and "
                        + LIVE_ON
                        + " group by 1")
                .setParameter("units", PgTypes.uuidArray(units))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("asOf", asOf))) {
      out.put(CoverageState.valueOf((String) r[0]), PgTypes.longValue(r[1]));
    }
    return out;
  }

  /** Live obligations of the query's directive per state on its day (every state present). */
  Map<CoverageState, Long> coverageTotals(CoverageQuery query) {
    Map<CoverageState, Long> out = new EnumMap<>(CoverageState.class);
    for (CoverageState s : CoverageState.values()) {
      out.put(s, 0L);
    }
    for (Object[] r :
        results(
            em.createNativeQuery(
                    "select "
                        + STATE
                        + " as state, count(*) from directive_obligation o"
                        + " where o.directive_id = :id and "
                        + LIVE_ON
                        + " group by 1")
                .setParameter("id", query.directiveId())
                .setParameter("asOf", query.asOf()))) {
      out.put(CoverageState.valueOf((String) r[0]), PgTypes.longValue(r[1]));
    }
    return out;
  }

  // ------------------------------------------------------------------ rows

  @SuppressWarnings("unchecked")
  private static List<Object[]> results(Query q) {
    return q.getResultList();
  }

  private static List<ObligationRow> rows(Query q) {
    return results(q).stream().map(DirectiveObligationRepository::row).toList();
  }

  /** The {@link #OBLIGATION} columns at the head of a returned row. */
  private static ObligationRow row(Object[] r) {
    return new ObligationRow(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        PgTypes.toDate(r[3]),
        (UUID) r[4],
        PgTypes.toDate(r[5]),
        PgTypes.toDate(r[6]),
        (UUID) r[7],
        PgTypes.toDate(r[8]));
  }
}
