package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.audit.AuditTrail;

/** SQL of the feature: keyset pages, the register's counters and the reference graph. */
@ApplicationScoped
class DirectiveRepository {

  /** The list order and keyset key: newest issue first, undated drafts on top. */
  static final String SORT_DATE = "coalesce(d.issue_date, date '9999-12-31')";

  /** The search text; the same expression backs the trigram index directive_fold. */
  static final String SEARCH_TEXT =
      "danvan_fold(coalesce(d.full_number, '') || ' ' || d.title || ' ' || coalesce(d.body, ''))";

  /**
   * The one rule of who reads a document, for a caller restricted to the scope whose roots are
   * bound as {@code :roots}: every document of an issuer in the scope; otherwise what is issued and
   * the records of outside bodies, except secret documents (any secrecy but NONE), which are
   * need-to-know: readable only where the scope holds a recipient unit. Drafts stay with their
   * issuer. Every query of the feature that reads documents goes through it; null {@code roots} (an
   * admin) reads everything.
   *
   * @param d the alias of the {@code directive} row
   */
  static String readable(String d, String roots) {
    if (roots == null) {
      return "true";
    }
    return "("
        + d
        + ".issuing_unit_path && cast(:roots as uuid[])"
        + " or ("
        + d
        + ".secrecy = 'NONE' and ("
        + d
        + ".status <> 'DRAFT' or "
        + d
        + ".issuing_unit_id is null))"
        + " or ("
        + d
        + ".secrecy <> 'NONE' and "
        + d
        + ".status <> 'DRAFT' and exists (select 1 from directive_recipient dr"
        + " join org_unit_version rv on rv.unit_id = dr.unit_id where dr.directive_id = "
        + d
        + ".id and rv.path && cast(:roots as uuid[]))))";
  }

  /** Binds {@code :roots} for {@link #readable} when the caller is restricted. */
  private static Query bindRoots(Query q, String roots) {
    if (roots != null) {
      q.setParameter("roots", roots);
    }
    return q;
  }

  /** Whether the caller (restricted to {@code roots}, or null) may read the document. */
  boolean readable(UUID id, String roots) {
    if (roots == null) {
      return true;
    }
    return (Boolean)
        bindRoots(
                em.createNativeQuery(
                        "select exists (select 1 from directive d where d.id = :id and "
                            + readable("d", roots)
                            + ")")
                    .setParameter("id", id),
                roots)
            .getSingleResult();
  }

  /** Full numbers of the documents among {@code ids} the caller may read. */
  Map<UUID, String> readableNumbers(Collection<UUID> ids, String roots) {
    Map<UUID, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object o :
        bindRoots(
                em.createNativeQuery(
                        "select d.id, coalesce(d.full_number, d.symbol) from directive d"
                            + " where d.id in (:ids) and "
                            + readable("d", roots))
                    .setParameter("ids", ids),
                roots)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put((UUID) r[0], (String) r[1]);
    }
    return out;
  }

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  @SuppressWarnings("unchecked")
  List<Directive> page(
      List<String> where,
      Map<String, Object> params,
      LocalDate afterDate,
      UUID afterId,
      int fetch) {
    StringBuilder sql = new StringBuilder("select d.* from directive d where true");
    for (String w : where) {
      sql.append(" and (").append(w).append(')');
    }
    if (afterId != null) {
      sql.append(" and (").append(SORT_DATE).append(", d.id) < (:afterDate, :afterId)");
    }
    sql.append(" order by ").append(SORT_DATE).append(" desc, d.id desc limit :fetch");
    Query q = em.createNativeQuery(sql.toString(), Directive.class);
    params.forEach(q::setParameter);
    if (afterId != null) {
      q.setParameter("afterDate", afterDate);
      q.setParameter("afterId", afterId);
    }
    q.setParameter("fetch", fetch);
    return q.getResultList();
  }

  /** Another document of the same register (issuer, year, series) with this full number. */
  boolean numberTaken(
      UUID id,
      UUID unitId,
      String externalIssuer,
      LocalDate issueDate,
      String series,
      String full) {
    if (full == null || issueDate == null) {
      return false;
    }
    String sameIssuer =
        unitId != null
            ? "issuing_unit_id = cast(:issuer as uuid)"
            : "external_issuer is not null and danvan_fold(external_issuer) = danvan_fold(:issuer)";
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from directive where "
                    + sameIssuer
                    + " and issue_year = :year and number_series = :series and full_number = :full"
                    + " and id <> :id)")
            .setParameter("issuer", unitId != null ? unitId.toString() : externalIssuer)
            .setParameter("year", issueDate.getYear())
            .setParameter("series", series)
            .setParameter("full", full)
            .setParameter("id", id)
            .getSingleResult();
  }

  /**
   * The next number of a register: the upsert locks the counter row until the transaction ends, so
   * concurrent issuers queue here, and a rolled-back issue gives its number back.
   */
  int nextNumber(UUID unitId, int year, String series) {
    Object n =
        em.createNativeQuery(
                "insert into directive_number_counter (unit_id, year, series, last_number) values (:u, :y, :s, 1)"
                    + " on conflict (unit_id, year, series) do update"
                    + " set last_number = directive_number_counter.last_number + 1 returning last_number")
            .setParameter("u", unitId)
            .setParameter("y", year)
            .setParameter("s", series)
            .getSingleResult();
    return ((Number) n).intValue();
  }

  /** A number given by hand (a document registered elsewhere): later numbers continue after it. */
  void registerNumber(UUID unitId, int year, String series, int number) {
    em.createNativeQuery(
            "insert into directive_number_counter (unit_id, year, series, last_number) values (:u, :y, :s, :n)"
                + " on conflict (unit_id, year, series) do update"
                + " set last_number = greatest(directive_number_counter.last_number, excluded.last_number)")
        .setParameter("u", unitId)
        .setParameter("y", year)
        .setParameter("s", series)
        .setParameter("n", number)
        .executeUpdate();
  }

  // ------------------------------------------------------------------ references

  /**
   * The references of each document; a target the caller may not read keeps its id but not its
   * number and title.
   */
  Map<UUID, List<ReferenceResponse>> references(Collection<UUID> sourceIds, String roots) {
    Map<UUID, List<ReferenceResponse>> out = new LinkedHashMap<>();
    if (sourceIds.isEmpty()) {
      return out;
    }
    String readable = readable("t", roots);
    for (Object o :
        bindRoots(
                em.createNativeQuery(
                        "select r.source_id, r.id, r.relation, r.target_id,"
                            + " case when "
                            + readable
                            + " then t.full_number end,"
                            + " case when "
                            + readable
                            + " then t.title end, r.citation, r.created_at"
                            + " from directive_reference r left join directive t on t.id = r.target_id"
                            + " where r.source_id in (:ids) order by r.created_at, r.id")
                    .setParameter("ids", sourceIds),
                roots)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
          .add(
              new ReferenceResponse(
                  (UUID) r[1],
                  ReferenceRelation.valueOf((String) r[2]),
                  (UUID) r[3],
                  (String) r[4],
                  (String) r[5],
                  (String) r[6],
                  instant(r[7])));
    }
    return out;
  }

  boolean referenceExists(UUID sourceId, UUID targetId, ReferenceRelation relation) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from directive_reference where source_id = :s and target_id = :t and relation = :r)")
            .setParameter("s", sourceId)
            .setParameter("t", targetId)
            .setParameter("r", relation.name())
            .getSingleResult();
  }

  void insertReference(
      UUID id,
      UUID sourceId,
      UUID targetId,
      String citation,
      ReferenceRelation relation,
      Instant at) {
    em.createNativeQuery(
            "insert into directive_reference (id, source_id, target_id, citation, relation, created_at)"
                + " values (:id, :s, :t, :c, :r, :at)")
        .setParameter("id", id)
        .setParameter("s", sourceId)
        .setParameter("t", targetId)
        .setParameter("c", citation)
        .setParameter("r", relation.name())
        .setParameter("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
        .executeUpdate();
  }

  int deleteReference(UUID sourceId, UUID referenceId) {
    return em.createNativeQuery("delete from directive_reference where id = :id and source_id = :s")
        .setParameter("id", referenceId)
        .setParameter("s", sourceId)
        .executeUpdate();
  }

  /**
   * Serializes the writers of IMPLEMENTS edges: two concurrent edges could otherwise each pass the
   * cycle check and close a cycle together.
   */
  void lockImplementsGraph() {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext('directive_reference:IMPLEMENTS'))")
        .getSingleResult();
  }

  /** Whether {@code ancestor} is reached from {@code from} by following IMPLEMENTS upward. */
  boolean implementsTransitively(UUID from, UUID ancestor) {
    return (Boolean)
        em.createNativeQuery(
                "with recursive up(id) as (select cast(:from as uuid) union"
                    + " select r.target_id from directive_reference r join up on r.source_id = up.id"
                    + " where r.relation = 'IMPLEMENTS' and r.target_id is not null)"
                    + " select exists (select 1 from up where id = :ancestor)")
            .setParameter("from", from)
            .setParameter("ancestor", ancestor)
            .getSingleResult();
  }

  // ------------------------------------------------------------------ graph

  /** The issuing unit's name on the issue date (else its latest name), for graph nodes. */
  /** The issuer's name on the issue date (drafts: today), else its first: two index probes. */
  private static final String UNIT_NAME =
      " left join lateral (select coalesce("
          + "(select v.name from org_unit_version v where v.unit_id = d.issuing_unit_id"
          + "   and v.valid_from <= coalesce(d.issue_date, current_date) order by v.valid_from desc limit 1),"
          + "(select v.name from org_unit_version v where v.unit_id = d.issuing_unit_id"
          + "   order by v.valid_from limit 1)) as name) u on true";

  private static final String NODE_COLUMNS =
      "d.type, d.full_number, d.title, d.status, d.issue_date, d.issuing_unit_id,"
          + " coalesce(u.name, d.external_issuer)";

  /**
   * Every document that implements {@code rootId}, transitively up to {@code depth} levels, with
   * its issuing unit: one recursive query, whatever the depth. An issued document the caller may
   * not read stays in the tree as an undisclosed node, so that what implements it still hangs where
   * it belongs; a draft it may not read is left out.
   */
  List<DirectiveGraphResponse.Node> cascade(UUID rootId, int depth, String roots) {
    String sql =
        "with recursive tree(id, parent_id, depth, seen) as ("
            + " select r.source_id, r.target_id, 1, array[r.target_id, r.source_id]"
            + "   from directive_reference r where r.target_id = :root and r.relation = 'IMPLEMENTS'"
            + " union all"
            + " select r.source_id, r.target_id, t.depth + 1, t.seen || r.source_id"
            + "   from tree t join directive_reference r on r.target_id = t.id and r.relation = 'IMPLEMENTS'"
            + "  where t.depth < :depth and not r.source_id = any(t.seen)),"
            // a document reached by several paths is listed once per edge, at its shallowest depth
            + " edge as (select distinct on (id, parent_id) id, parent_id, depth from tree"
            + "   order by id, parent_id, depth)"
            + " select t.id, t.parent_id, t.depth, 'IMPLEMENTS', "
            + NODE_COLUMNS
            + ", null, "
            + readable("d", roots)
            + " from edge t join directive d on d.id = t.id"
            + UNIT_NAME
            + " order by t.depth, d.issue_date nulls last, d.full_number, d.id, t.parent_id";
    List<DirectiveGraphResponse.Node> out = new ArrayList<>();
    for (Object[] r : nodeRows(sql, rootId, depth, roots)) {
      if (Boolean.TRUE.equals(r[12])) {
        out.add(node(r));
      } else if (!DirectiveStatus.DRAFT.name().equals(r[7])) {
        out.add(
            DirectiveGraphResponse.Node.undisclosed(
                (UUID) r[0],
                (UUID) r[1],
                ((Number) r[2]).intValue(),
                ReferenceRelation.valueOf((String) r[3])));
      }
    }
    return out;
  }

  /**
   * What {@code rootId} implements or is based on, transitively: the chain upward. A document the
   * caller may not read is left out, and so is what is reached only through it.
   */
  List<DirectiveGraphResponse.Node> basis(UUID rootId, int depth, String roots) {
    String sql =
        "with recursive up(ref_id, source_id, target_id, citation, relation, depth, seen) as ("
            + " select r.id, r.source_id, r.target_id, r.citation, r.relation, 1, array[r.source_id]"
            + "   from directive_reference r where r.source_id = :root and r.relation in ('IMPLEMENTS', 'BASED_ON')"
            + " union all"
            + " select r.id, r.source_id, r.target_id, r.citation, r.relation, p.depth + 1, p.seen || r.source_id"
            + "   from up p join directive_reference r on r.source_id = p.target_id"
            + "    and r.relation in ('IMPLEMENTS', 'BASED_ON')"
            + "  where p.depth < :depth and not r.source_id = any(p.seen)),"
            // a reference reached by several paths is listed once, at its shallowest depth
            + " edge as (select distinct on (ref_id) * from up order by ref_id, depth)"
            + " select p.target_id, p.source_id, p.depth, p.relation, "
            + NODE_COLUMNS
            + ", p.citation, (d.id is null or "
            + readable("d", roots)
            + ") from edge p left join directive d on d.id = p.target_id"
            + UNIT_NAME
            + " order by p.depth, d.issue_date nulls last, p.ref_id";
    List<Object[]> rows = new ArrayList<>(nodeRows(sql, rootId, depth, roots));
    rows.removeIf(r -> !Boolean.TRUE.equals(r[12]));
    // keep the edges that start from the root or from a document kept, until nothing changes
    Set<UUID> reached = new HashSet<>(Set.of(rootId));
    boolean[] kept = new boolean[rows.size()];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < rows.size(); i++) {
        if (!kept[i] && reached.contains((UUID) rows.get(i)[1])) {
          kept[i] = true;
          changed = true;
          if (rows.get(i)[0] != null) {
            reached.add((UUID) rows.get(i)[0]);
          }
        }
      }
    }
    List<DirectiveGraphResponse.Node> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (kept[i]) {
        out.add(node(rows.get(i)));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> nodeRows(String sql, UUID rootId, int depth, String roots) {
    Query q = em.createNativeQuery(sql).setParameter("root", rootId).setParameter("depth", depth);
    return bindRoots(q, roots).getResultList();
  }

  private static DirectiveGraphResponse.Node node(Object[] r) {
    return new DirectiveGraphResponse.Node(
        (UUID) r[0],
        (UUID) r[1],
        ((Number) r[2]).intValue(),
        ReferenceRelation.valueOf((String) r[3]),
        false,
        r[4] == null ? null : DirectiveType.valueOf((String) r[4]),
        (String) r[5],
        (String) r[6],
        r[7] == null ? null : DirectiveStatus.valueOf((String) r[7]),
        r[8] == null ? null : toDate(r[8]),
        (UUID) r[9],
        (String) r[10],
        (String) r[11]);
  }

  // ------------------------------------------------------------------ obligations

  /** One obligation per target unit, all due on {@code due}. */
  @SuppressWarnings("unchecked")
  void insertObligations(UUID directiveId, List<UUID> unitIds, LocalDate due, Instant at) {
    if (unitIds.isEmpty()) {
      return;
    }
    announce(
        "OBLIGATION_CREATED",
        AuditTrail.Operation.UPSERT,
        em.createNativeQuery(
                "insert into directive_obligation as o (id, directive_id, unit_id, due_date,"
                    + " created_at) select gen_random_uuid(), :d, u, :due, :at"
                    + " from unnest(cast(:units as uuid[])) u"
                    + " on conflict (directive_id, unit_id) do nothing returning "
                    + OBLIGATION)
            .setParameter("d", directiveId)
            .setParameter("units", pgArray(unitIds))
            .setParameter("due", due)
            .setParameter("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
            .getResultList());
  }

  /** The columns of an obligation row {@code o}, as {@link #announce} reads them. */
  private static final String OBLIGATION =
      "o.id, o.directive_id, o.unit_id, o.due_date, o.transferred_from_unit_id, o.transferred_on,"
          + " o.passed_on, o.fulfilled_by_id, o.fulfilled_on";

  /**
   * Every write to directive_obligation is a cascade of some action: this writes the audit events
   * and change-log entries of the rows one statement changed ({@link #OBLIGATION} first in each
   * returned row), one statement each, in the order the writes happen (a row given and taken back
   * in one transaction ends deleted in the feed too). Returns the rows.
   */
  private List<Object[]> announce(String action, AuditTrail.Operation op, List<Object[]> rows) {
    List<AuditTrail.Change> changes = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("directiveId", r[1]);
      view.put("unitId", r[2]);
      view.put("dueDate", text(r[3]));
      view.put("transferredFromUnitId", r[4]);
      view.put("transferredOn", text(r[5]));
      view.put("passedOn", text(r[6]));
      view.put("fulfilledById", r[7]);
      view.put("fulfilledOn", text(r[8]));
      changes.add(
          op == AuditTrail.Operation.DELETE
              ? new AuditTrail.Change((UUID) r[0], (UUID) r[2], null, view, null)
              : new AuditTrail.Change((UUID) r[0], (UUID) r[2], null, null, view));
    }
    audit.recordAll(action, DirectiveObligationTransfer.ENTITY, op, changes, null);
    return rows;
  }

  private static String text(Object date) {
    return date == null ? null : toDate(date).toString();
  }

  /**
   * Marks open obligations fulfilled by the earliest issued document of their unit that IMPLEMENTS
   * their directive; limited to the obligations of one directive, or to those a document may
   * fulfil. A row passed on because its unit closed without a plan is fulfilled too when the plan,
   * entered later, is dated before the closing: then it was never passed on, and what its
   * successors got from it is taken back (and given again from any other predecessor), as if the
   * documents had been entered in the order of their dates.
   */
  @SuppressWarnings("unchecked")
  int fulfil(UUID directiveId, UUID sourceId) {
    String only = directiveId != null ? "r.target_id = :id" : "r.source_id = :id";
    List<Object[]> rows =
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
            .setParameter("id", directiveId != null ? directiveId : sourceId)
            .getResultList();
    announce("OBLIGATION_FULFILLED", AuditTrail.Operation.UPSERT, rows);
    Set<UUID> reclaimed = new LinkedHashSet<>();
    for (Object[] r : rows) {
      if (r[9] != null) {
        takeBack((UUID) r[1], (UUID) r[2], toDate(r[9]));
        reclaimed.add((UUID) r[1]);
      }
    }
    for (UUID directive : reclaimed) {
      passOnAfterTheFact(directive, Instant.now(clock));
    }
    return rows.size();
  }

  /**
   * Takes back what the successors of {@code unit} got from its row passed on on {@code passedOn},
   * down the chain, where nobody has met it yet.
   */
  @SuppressWarnings("unchecked")
  private void takeBack(UUID directiveId, UUID unit, LocalDate passedOn) {
    List<Object[]> rows =
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
            .setParameter("e", passedOn)
            .getResultList();
    announce("OBLIGATION_TAKEN_BACK", AuditTrail.Operation.DELETE, rows);
  }

  /**
   * Forgets every fulfilment by a revoked document; returns the directives whose obligations it
   * fulfilled, so that another implementing document of the same unit may take its place.
   */
  @SuppressWarnings("unchecked")
  List<UUID> unfulfilAll(UUID sourceId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "update directive_obligation o set fulfilled_by_id = null, fulfilled_on = null"
                    + " where o.fulfilled_by_id = :s returning "
                    + OBLIGATION)
            .setParameter("s", sourceId)
            .getResultList();
    announce("OBLIGATION_REOPENED", AuditTrail.Operation.UPSERT, rows);
    return rows.stream().map(r -> (UUID) r[1]).distinct().toList();
  }

  /** Forgets the fulfilments by a document that no longer implements {@code targetId}. */
  @SuppressWarnings("unchecked")
  void unfulfil(UUID targetId, UUID sourceId) {
    announce(
        "OBLIGATION_REOPENED",
        AuditTrail.Operation.UPSERT,
        em.createNativeQuery(
                "update directive_obligation o set fulfilled_by_id = null, fulfilled_on = null"
                    + " where o.directive_id = :t and o.fulfilled_by_id = :s returning "
                    + OBLIGATION)
            .setParameter("t", targetId)
            .setParameter("s", sourceId)
            .getResultList());
  }

  /**
   * Passes on the open obligations of one closed unit (the restructuring hook): see {@link
   * #markPassedOn} and {@link #giveToSuccessors}. Returns how many rows it passed on.
   */
  int transferOpen(UUID from, Instant at) {
    List<Object[]> passed = markPassedOn("o.unit_id = :key", from);
    List<Object[]> created = giveToSuccessors("o.unit_id = :key", from, at);
    created.stream().map(r -> (UUID) r[1]).distinct().forEach(d -> fulfil(d, null));
    return passed.size();
  }

  /**
   * Passes on the open obligations of a directive whose units were closed by restructurings entered
   * before it (a document entered after the fact), down a chain of restructurings: the same rule as
   * the restructuring hook, so the rows end as if the document had been issued first.
   */
  void passOnAfterTheFact(UUID directiveId, Instant at) {
    // each round follows one more restructuring down a chain; a chain is a handful long
    for (int round = 0; round < 100; round++) {
      int passed = markPassedOn("o.directive_id = :key", directiveId).size();
      List<Object[]> given = giveToSuccessors("o.directive_id = :key", directiveId, at);
      if (!given.isEmpty()) {
        fulfil(directiveId, null);
      }
      if (passed == 0 && given.isEmpty()) {
        return;
      }
    }
  }

  /**
   * The rule of passing on (step 1): an open obligation of a unit whose life ended the day before a
   * restructuring that names successors in the lineage is passed on from that day. Nothing is
   * rewritten: the row stays its unit's before that day.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> markPassedOn(String scope, UUID key) {
    List<Object[]> rows =
        em.createNativeQuery(
                "update directive_obligation o set passed_on = u.valid_to + 1 from org_unit u"
                    + " where u.id = o.unit_id and u.valid_to is not null and "
                    + scope
                    + " and o.passed_on is null and o.fulfilled_by_id is null"
                    + " and exists (select 1 from org_unit_lineage l where l.predecessor_id = o.unit_id"
                    + " and l.effective_date = u.valid_to + 1)"
                    + " returning "
                    + OBLIGATION)
            .setParameter("key", key)
            .getResultList();
    return announce("OBLIGATION_PASSED_ON", AuditTrail.Operation.UPSERT, rows);
  }

  /**
   * The rule of passing on (step 2): every successor the lineage names on the day a row was passed
   * on (a merged commune's successor; each part of a split or of a commune shared between several)
   * owes it from that day with a row of its own naming where it came from, unless it already owes
   * the directive. Returns the rows given.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> giveToSuccessors(String scope, UUID key, Instant at) {
    List<Object[]> rows =
        em.createNativeQuery(
                "insert into directive_obligation as n (id, directive_id, unit_id, due_date,"
                    + " transferred_from_unit_id, transferred_on, created_at)"
                    + " select gen_random_uuid(), o.directive_id, l.successor_id, o.due_date,"
                    + " o.unit_id, o.passed_on, :at from directive_obligation o"
                    + " join org_unit_lineage l on l.predecessor_id = o.unit_id"
                    + " and l.effective_date = o.passed_on"
                    + " where o.passed_on is not null and "
                    + scope
                    + " on conflict (directive_id, unit_id) do nothing returning "
                    + OBLIGATION.replace("o.", "n."))
            .setParameter("key", key)
            .setParameter("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
            .getResultList();
    return announce("OBLIGATION_TRANSFERRED", AuditTrail.Operation.UPSERT, rows);
  }

  /**
   * The obligations owed on :asOf: a row passed on by a restructuring is still its unit's before
   * the restructuring's effective date, and the successor's row counts from that date.
   */
  private static final String LIVE_ON =
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
      " left join lateral (select coalesce("
          + "(select v.name from org_unit_version v where v.unit_id = o.unit_id"
          + "   and v.valid_from <= :asOf order by v.valid_from desc limit 1),"
          + "(select v.name from org_unit_version v where v.unit_id = o.unit_id"
          + "   order by v.valid_from limit 1)) as name) u on true";

  /**
   * One page of a directive's coverage on {@code asOf}, states computed by the database, ordered by
   * unit name then id. Rows: unit id, name, state, due date, document id, full number, issue date,
   * transferred from. The implementing document is left out when the caller may not read it (the
   * state still counts it).
   */
  List<Object[]> coverage(
      UUID directiveId,
      LocalDate asOf,
      String state,
      String afterName,
      UUID afterId,
      int fetch,
      String roots) {
    String shown = "o.fulfilled_on <= :asOf and " + readable("d", roots);
    StringBuilder sql =
        new StringBuilder(
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
                + ") c where true");
    if (state != null) {
      sql.append(" and c.state = :state");
    }
    if (afterId != null) {
      sql.append(" and (c.name, c.unit_id) > (:afterName, :afterId)");
    }
    sql.append(" order by c.name, c.unit_id limit :fetch");
    Query q =
        em.createNativeQuery(sql.toString())
            .setParameter("id", directiveId)
            .setParameter("asOf", asOf)
            .setParameter("fetch", fetch);
    bindRoots(q, roots);
    if (state != null) {
      q.setParameter("state", state);
    }
    if (afterId != null) {
      q.setParameter("afterName", afterName);
      q.setParameter("afterId", afterId);
    }
    List<Object[]> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      out.add((Object[]) o);
    }
    return out;
  }

  /** Live obligations of a directive per state on {@code asOf}. */
  Map<String, Long> coverageTotals(UUID directiveId, LocalDate asOf) {
    Map<String, Long> out = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select "
                    + STATE
                    + " as state, count(*) from directive_obligation o"
                    + " where o.directive_id = :id and "
                    + LIVE_ON
                    + " group by 1")
            .setParameter("id", directiveId)
            .setParameter("asOf", asOf)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put((String) r[0], ((Number) r[1]).longValue());
    }
    return out;
  }

  private static String pgArray(Collection<UUID> ids) {
    return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
  }

  static LocalDate toDate(Object o) {
    return switch (o) {
      case LocalDate d -> d;
      case java.sql.Date d -> d.toLocalDate();
      default -> LocalDate.parse(o.toString());
    };
  }

  static Instant instant(Object o) {
    return switch (o) {
      case Instant i -> i;
      case OffsetDateTime t -> t.toInstant();
      case Timestamp t -> t.toInstant();
      default -> OffsetDateTime.parse(o.toString()).toInstant();
    };
  }

  static Map<String, Object> params() {
    return new HashMap<>();
  }
}
