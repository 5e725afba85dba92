package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;
import vn.danvan.shared.source.SourceKey;

/**
 * SQL of the documents: the visibility rule, keyset pages, the register's counters and the
 * references (the graph has {@link DirectiveGraphRepository}, the obligations {@link
 * DirectiveObligationRepository}).
 */
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
  static String readable(String d, UUID[] roots) {
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
  static Query bindRoots(Query q, UUID[] roots) {
    if (roots != null) {
      q.setParameter("roots", roots);
    }
    return q;
  }

  /** Whether the caller (restricted to {@code roots}, or null) may read the document. */
  boolean readable(UUID id, UUID[] roots) {
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
  Map<UUID, String> readableNumbers(Collection<UUID> ids, UUID[] roots) {
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

  /**
   * How many documents {@code units} issued on the days of [{@code from}, {@code to}] (every status
   * but DRAFT: a document revoked or superseded later was still issued). Index directive_unit
   * (issuing unit, issue date).
   */
  long issuedCount(List<UUID> units, LocalDate from, LocalDate to) {
    if (units.isEmpty()) {
      return 0;
    }
    return PgTypes.longValue(
        em.createNativeQuery(
                "select count(*) from directive d where d.issuing_unit_id = any(cast(:units as uuid[]))"
                    + " and d.issue_date between :from and :to and d.status <> 'DRAFT'")
            .setParameter("units", PgTypes.uuidArray(units))
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult());
  }

  /**
   * The documents among {@code ids} the caller (restricted to {@code roots}, or null) may read,
   * with their recipients loaded: two queries, whatever the number of ids.
   */
  List<Directive> readableWithRecipients(Collection<UUID> ids, UUID[] roots) {
    if (ids.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<UUID> readable =
        bindRoots(
                em.createNativeQuery(
                        "select d.id from directive d where d.id in (:ids) and "
                            + readable("d", roots),
                        UUID.class)
                    .setParameter("ids", ids),
                roots)
            .getResultList();
    if (readable.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select distinct d from Directive d left join fetch d.recipients where d.id in :ids",
            Directive.class)
        .setParameter("ids", readable)
        .getResultList();
  }

  /** Loads the documents among {@code ids} into the session, one query. */
  void loadAll(Collection<UUID> ids) {
    if (!ids.isEmpty()) {
      em.createQuery("select d from Directive d where d.id in :ids", Directive.class)
          .setParameter("ids", ids)
          .getResultList();
    }
  }

  /** The document that carries a source key, whoever may read it; null when none does. */
  Directive findBySource(SourceKey key) {
    return Directive.<Directive>find("sourceSystem = ?1 and sourceId = ?2", key.system(), key.id())
        .firstResult();
  }

  /** The document by id, whoever may read it. */
  Directive find(UUID id) {
    return em.find(Directive.class, id);
  }

  /**
   * One page of the list: the documents matching {@code query} that the caller (restricted to
   * {@code roots}, or null) may read, newest issue first, after ({@code afterDate}, {@code
   * afterId}) when given.
   */
  @SuppressWarnings("unchecked")
  List<Directive> page(
      DirectiveQuery query, UUID[] roots, LocalDate afterDate, UUID afterId, int fetch) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent(
                SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'",
                "q",
                query.q() == null ? null : escapeLike(query.q()))
            .addIfPresent(
                "d.type = :type", "type", query.type() == null ? null : query.type().name())
            .addIfPresent(
                "d.status = :status",
                "status",
                query.status() == null ? null : query.status().name());
    UnitFilter.apply(
        where,
        "d.issuing_unit_id",
        "d.issuing_unit_path",
        query.issuingUnitId(),
        query.orgUnitMode());
    where
        .addIfPresent("d.issue_year = :year", "year", query.year())
        .addIfPresent("d.issue_date >= :from", "from", query.issuedFrom())
        .addIfPresent("d.issue_date <= :to", "to", query.issuedTo())
        .addIfPresent(
            "exists (select 1 from directive_reference r where r.source_id = d.id"
                + " and r.target_id = :impl and r.relation = 'IMPLEMENTS')",
            "impl",
            query.implementsId());
    if (roots != null) {
      where.add(readable("d", roots), "roots", roots);
    }
    if (afterId != null) {
      where.add("(" + SORT_DATE + ", d.id) < (:afterDate, :afterId)", "afterDate", afterDate);
      where.param("afterId", afterId);
    }
    return where
        .bind(
            em.createNativeQuery(
                "select d.* from directive d where "
                    + where.sql()
                    + " order by "
                    + SORT_DATE
                    + " desc, d.id desc limit :fetch",
                Directive.class))
        .setParameter("fetch", fetch)
        .getResultList();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
  Map<UUID, List<ReferenceResponse>> references(Collection<UUID> sourceIds, UUID[] roots) {
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
                  PgTypes.instant(r[7])));
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
        .setParameter("at", PgTypes.timestamp(at))
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
}
