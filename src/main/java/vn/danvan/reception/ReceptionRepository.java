package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;
import vn.danvan.shared.source.SourceKey;

/**
 * SQL of the book, the sessions and the cases: keyset pages of the typed queries, keyed-hash
 * lookups, the protected identities. A {@code roots} argument is the caller's scope (records whose
 * unit path meets it); null means unrestricted.
 */
@ApplicationScoped
class ReceptionRepository {

  @Inject EntityManager em;

  /** A case whose visits' summaries resemble a visit's, with the best similarity (0–1). */
  record SimilarCase(UUID caseId, double similarity) {}

  // ------------------------------------------------------------------ lists

  List<ReceptionVisit> visits(
      VisitQuery q, UUID[] roots, Instant afterAt, UUID afterId, int fetch) {
    SqlWhere w = new SqlWhere();
    UnitFilter.apply(w, "v.unit_id", "v.unit_path", q.orgUnitId(), q.orgUnitMode());
    w.addIfPresent("v.received_date >= :from", "from", q.from());
    w.addIfPresent("v.received_date <= :to", "to", q.to());
    w.addIfPresent("v.content_kind = :kind", "kind", name(q.contentKind()));
    w.addIfPresent("v.field = :field", "field", name(q.field()));
    w.addIfPresent("v.case_id = :case", "case", q.caseId());
    w.addIfPresent("v.session_id = :session", "session", q.sessionId());
    inScope(w, "v", roots);
    return newestFirst(
        ReceptionVisit.class, "reception_visit", "v", "received_at", w, afterAt, afterId, fetch);
  }

  List<ReceptionSession> sessions(
      SessionQuery q, UUID[] roots, LocalDate afterDate, UUID afterId, int fetch) {
    SqlWhere w = new SqlWhere();
    UnitFilter.apply(w, "s.unit_id", "s.unit_path", q.orgUnitId(), q.orgUnitMode());
    w.addIfPresent("s.session_date >= :from", "from", q.from());
    w.addIfPresent("s.session_date <= :to", "to", q.to());
    w.addIfPresent("s.host_role = :role", "role", name(q.hostRole()));
    w.addIfPresent("s.kind = :kind", "kind", name(q.kind()));
    inScope(w, "s", roots);
    return newestFirst(
        ReceptionSession.class,
        "reception_session",
        "s",
        "session_date",
        w,
        afterDate,
        afterId,
        fetch);
  }

  /** A page of cases; {@code today} decides which are overdue. */
  List<ReceptionCase> cases(
      CaseQuery q, LocalDate today, UUID[] roots, LocalDate afterDate, UUID afterId, int fetch) {
    SqlWhere w = new SqlWhere();
    UnitFilter.apply(w, "c.unit_id", "c.unit_path", q.orgUnitId(), q.orgUnitMode());
    w.addIfPresent("c.kind = :kind", "kind", name(q.kind()));
    w.addIfPresent("c.status = :status", "status", name(q.status()));
    if (Boolean.TRUE.equals(q.overdue())) {
      w.add(
          "c.status in ('RECEIVED','ACCEPTED') and ((c.accepted_date is null and c.acceptance_due_date < :today)"
              + " or (c.resolved_date is null and c.resolution_due_date < :today))",
          "today",
          today);
    }
    inScope(w, "c", roots);
    return newestFirst(
        ReceptionCase.class, "reception_case", "c", "received_date", w, afterDate, afterId, fetch);
  }

  /** Cases by id (those that exist). */
  List<ReceptionCase> cases(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("from ReceptionCase c where c.id in :ids", ReceptionCase.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Sessions by id (those that exist). */
  List<ReceptionSession> sessions(List<UUID> ids) {
    return byIds(ReceptionSession.class, ids);
  }

  /** Visits by id (those that exist). */
  List<ReceptionVisit> visits(List<UUID> ids) {
    return byIds(ReceptionVisit.class, ids);
  }

  private <T> List<T> byIds(Class<T> type, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("from " + type.getSimpleName() + " e where e.id in :ids", type)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The record of {@code type} with this source key, or null. */
  <T> T bySource(Class<T> type, SourceKey key) {
    List<T> rows = bySource(type, List.of(key));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The records of {@code type} with one of these source keys (one query). */
  <T> List<T> bySource(Class<T> type, Collection<SourceKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Set<String> systems = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (SourceKey k : keys) {
      systems.add(k.system());
      ids.add(k.id());
    }
    List<T> rows =
        em.createQuery(
                "from "
                    + type.getSimpleName()
                    + " e where e.sourceSystem in :systems and e.sourceId in :ids",
                type)
            .setParameter("systems", systems)
            .setParameter("ids", ids)
            .getResultList();
    if (keys.size() == 1) {
      return rows;
    }
    // the two IN lists match a superset of the keys: keep the exact pairs
    Set<SourceKey> wanted = new HashSet<>(keys);
    return rows.stream().filter(r -> wanted.contains(ReceptionRepository.keyOf(r))).toList();
  }

  private static SourceKey keyOf(Object row) {
    return switch (row) {
      case ReceptionSession s -> new SourceKey(s.sourceSystem, s.sourceId);
      case ReceptionVisit v -> new SourceKey(v.sourceSystem, v.sourceId);
      case ReceptionCase c -> new SourceKey(c.sourceSystem, c.sourceId);
      default -> throw new IllegalArgumentException("Not a reception record");
    };
  }

  /**
   * Cases whose stored deadlines a change of the calendar on {@code day} may move: received before
   * it, with a due date on or after it.
   */
  List<ReceptionCase> casesDueFrom(LocalDate day) {
    return em.createQuery(
            "from ReceptionCase c where c.receivedDate < :day"
                + " and (c.acceptanceDueDate >= :day or c.resolutionDueDate >= :day)",
            ReceptionCase.class)
        .setParameter("day", day)
        .getResultList();
  }

  /** Rows whose unit path (column {@code alias.unit_path}) meets the scope roots. */
  static SqlWhere inScope(SqlWhere w, String alias, UUID[] roots) {
    return roots == null
        ? w
        : w.add(alias + ".unit_path && cast(:roots as uuid[])", "roots", roots);
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  /**
   * One keyset page of {@code table} (under the alias the conditions are written with), newest
   * first by {@code key} then id, after ({@code afterKey}, {@code afterId}).
   */
  private <T> List<T> newestFirst(
      Class<T> type,
      String table,
      String alias,
      String key,
      SqlWhere w,
      Object afterKey,
      UUID afterId,
      int fetch) {
    String k = alias + "." + key;
    String id = alias + ".id";
    if (afterId != null) {
      w.add("(" + k + ", " + id + ") < (:afterKey, :afterId)", "afterKey", afterKey)
          .param("afterId", afterId);
    }
    String sql =
        "select "
            + alias
            + ".* from "
            + table
            + " "
            + alias
            + " where "
            + w.sql()
            + " order by "
            + k
            + " desc, "
            + id
            + " desc limit :fetch";
    @SuppressWarnings("unchecked")
    List<T> rows =
        w.bind(em.createNativeQuery(sql, type)).setParameter("fetch", fetch).getResultList();
    return rows;
  }

  // ------------------------------------------------------------------ scope

  /**
   * The roots of the scope of {@code unit} (SQL function {@code danvan_scope_roots}, published by
   * the org-unit feature).
   */
  UUID[] scopeRootsOf(UUID unit) {
    return PgTypes.uuids(
        em.createNativeQuery("select danvan_scope_roots(:unit)")
            .setParameter("unit", unit)
            .getSingleResult());
  }

  // ------------------------------------------------------------------ personal data

  void replaceHashes(UUID visitId, List<byte[]> hashes) {
    em.createNativeQuery("delete from reception_identity_hash where visit_id = :v")
        .setParameter("v", visitId)
        .executeUpdate();
    for (byte[] h : hashes) {
      em.createNativeQuery(
              "insert into reception_identity_hash (visit_id, id_hash) values (:v, :h) on conflict do nothing")
          .setParameter("v", visitId)
          .setParameter("h", h)
          .executeUpdate();
    }
  }

  byte[] protectedIdentity(UUID visitId) {
    List<?> rows =
        em.createNativeQuery("select data from reception_protected_identity where visit_id = :v")
            .setParameter("v", visitId)
            .getResultList();
    return rows.isEmpty() ? null : (byte[]) rows.get(0);
  }

  void storeProtectedIdentity(UUID visitId, byte[] data, Instant at) {
    em.createNativeQuery(
            "insert into reception_protected_identity (visit_id, data, created_at) values (:v, :d, :at)"
                + " on conflict (visit_id) do update set data = excluded.data")
        .setParameter("v", visitId)
        .setParameter("d", data)
        .setParameter("at", at)
        .executeUpdate();
  }

  void deleteProtectedIdentity(UUID visitId) {
    em.createNativeQuery("delete from reception_protected_identity where visit_id = :v")
        .setParameter("v", visitId)
        .executeUpdate();
  }

  /** Hashes of the visitors of one visit. */
  @SuppressWarnings("unchecked")
  List<byte[]> hashesOf(UUID visitId) {
    return em.createNativeQuery("select id_hash from reception_identity_hash where visit_id = :v")
        .setParameter("v", visitId)
        .getResultList();
  }

  // ------------------------------------------------------------------ duplicates

  /**
   * Cases of other visits by a person with one of these ID hashes, in scope; when {@code
   * withDenunciations} is false, neither side may be a denunciation (a match would link a denouncer
   * to a name).
   */
  List<UUID> casesBySamePerson(
      UUID visitId, List<byte[]> hashes, UUID[] roots, boolean withDenunciations, int limit) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    SqlWhere w =
        new SqlWhere()
            .add(
                "exists (select 1 from reception_visit v"
                    + " join reception_identity_hash h on h.visit_id = v.id"
                    + " where v.case_id = c.id and v.id <> :visit and h.id_hash in (:hashes)"
                    + (withDenunciations ? "" : " and v.content_kind <> 'DENUNCIATION'")
                    + ")",
                "visit",
                visitId)
            .param("hashes", hashes);
    if (!withDenunciations) {
      w.add("c.kind <> 'DENUNCIATION'");
    }
    inScope(w, "c", roots);
    List<?> rows =
        w.bind(
                em.createNativeQuery(
                    "select c.id from reception_case c where "
                        + w.sql()
                        + " order by c.received_date desc limit :n"))
            .setParameter("n", limit)
            .getResultList();
    return rows.stream().map(PgTypes::uuid).toList();
  }

  /** Cases whose visits' summaries resemble {@code summary} (trigram, accent-insensitive). */
  List<SimilarCase> casesBySimilarContent(
      UUID visitId, String summary, UUID[] roots, double threshold, int limit) {
    SqlWhere w =
        new SqlWhere()
            .add("v.id <> :visit", "visit", visitId)
            .add("danvan_fold(v.summary) % danvan_fold(:s)", "s", summary);
    inScope(w, "c", roots);
    List<?> rows =
        w.bind(
                em.createNativeQuery(
                    "select v.case_id, max(similarity(danvan_fold(v.summary), danvan_fold(:s))) sim"
                        + " from reception_visit v join reception_case c on c.id = v.case_id"
                        + " where "
                        + w.sql()
                        + " group by v.case_id"
                        + " having max(similarity(danvan_fold(v.summary), danvan_fold(:s))) >= :t"
                        + " order by sim desc limit :n"))
            .setParameter("t", threshold)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream()
        .map(o -> (Object[]) o)
        .map(r -> new SimilarCase(PgTypes.uuid(r[0]), ((Number) r[1]).doubleValue()))
        .toList();
  }
}
