package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/** SQL of the feature: keyset pages, keyed-hash lookups, the protected identities. */
@ApplicationScoped
class ReceptionRepository {

  @Inject EntityManager em;

  /** A where clause with its parameters. */
  static final class Where {
    final List<String> clauses = new ArrayList<>();
    final Map<String, Object> params = new HashMap<>();

    Where add(String clause) {
      clauses.add(clause);
      return this;
    }

    Where add(String clause, String name, Object value) {
      clauses.add(clause);
      params.put(name, value);
      return this;
    }

    String sql() {
      return clauses.isEmpty() ? "true" : "(" + String.join(") and (", clauses) + ")";
    }

    void bind(Query q) {
      params.forEach(q::setParameter);
    }
  }

  /** The unit filter of lists and statistics on a table aliased {@code alias}. */
  static void unitFilter(Where w, String alias, UUID unit, OrgUnitMode mode) {
    if (unit == null) {
      return;
    }
    w.params.put("unit", unit);
    w.clauses.add(
        switch (mode == null ? OrgUnitMode.SELECTED : mode) {
          case SELECTED -> alias + ".unit_id = :unit";
          case CHILDREN ->
              alias
                  + ".unit_path @> array[cast(:unit as uuid)] and ("
                  + alias
                  + ".unit_id = :unit or "
                  + alias
                  + ".unit_path[cardinality("
                  + alias
                  + ".unit_path) - 1] = :unit)";
          case DESCENDANTS -> alias + ".unit_path @> array[cast(:unit as uuid)]";
        });
  }

  List<ReceptionVisit> visits(Where w, Instant afterAt, UUID afterId, int fetch) {
    return newestFirst(
        ReceptionVisit.class, "reception_visit", "v", "received_at", w, afterAt, afterId, fetch);
  }

  List<ReceptionSession> sessions(Where w, java.time.LocalDate afterDate, UUID afterId, int fetch) {
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

  List<ReceptionCase> cases(Where w, java.time.LocalDate afterDate, UUID afterId, int fetch) {
    return newestFirst(
        ReceptionCase.class, "reception_case", "c", "received_date", w, afterDate, afterId, fetch);
  }

  /**
   * One keyset page of {@code table} (under the alias its {@link Where} filters are written with),
   * newest first by {@code key} then id, after ({@code afterKey}, {@code afterId}).
   */
  @SuppressWarnings("unchecked")
  private <T> List<T> newestFirst(
      Class<T> type,
      String table,
      String alias,
      String key,
      Where w,
      Object afterKey,
      UUID afterId,
      int fetch) {
    String k = alias + "." + key;
    String id = alias + ".id";
    String sql = "select " + alias + ".* from " + table + " " + alias + " where " + w.sql();
    if (afterId != null) {
      sql += " and (" + k + ", " + id + ") < (:afterKey, :afterId)";
    }
    sql += " order by " + k + " desc, " + id + " desc limit :fetch";
    Query q = em.createNativeQuery(sql, type);
    w.bind(q);
    if (afterId != null) {
      q.setParameter("afterKey", afterKey);
      q.setParameter("afterId", afterId);
    }
    q.setParameter("fetch", fetch);
    return q.getResultList();
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

  /**
   * Cases of other visits by a person with one of these ID hashes, in scope; when {@code
   * withDenunciations} is false, neither side may be a denunciation (a match would link a denouncer
   * to a name).
   */
  @SuppressWarnings("unchecked")
  List<UUID> casesBySameperson(
      UUID visitId, List<byte[]> hashes, String roots, boolean withDenunciations, int limit) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    String sql =
        "select c.id from reception_case c where exists (select 1 from reception_visit v"
            + " join reception_identity_hash h on h.visit_id = v.id"
            + " where v.case_id = c.id and v.id <> :visit and h.id_hash in (:hashes)"
            + (withDenunciations ? "" : " and v.content_kind <> 'DENUNCIATION'")
            + ")"
            + (roots == null ? "" : " and c.unit_path && cast(:roots as uuid[])")
            + (withDenunciations ? "" : " and c.kind <> 'DENUNCIATION'")
            + " order by c.received_date desc limit :n";
    Query q =
        em.createNativeQuery(sql)
            .setParameter("visit", visitId)
            .setParameter("hashes", hashes)
            .setParameter("n", limit);
    if (roots != null) {
      q.setParameter("roots", roots);
    }
    return q.getResultList();
  }

  /** Cases whose visits' summaries resemble {@code summary} (trigram, accent-insensitive). */
  List<Object[]> casesBySimilarContent(
      UUID visitId, String summary, String roots, double threshold, int limit) {
    String sql =
        "select v.case_id, max(similarity(danvan_fold(v.summary), danvan_fold(:s))) sim"
            + " from reception_visit v join reception_case c on c.id = v.case_id"
            + " where v.id <> :visit and danvan_fold(v.summary) % danvan_fold(:s)"
            + (roots == null ? "" : " and c.unit_path && cast(:roots as uuid[])")
            + " group by v.case_id having max(similarity(danvan_fold(v.summary), danvan_fold(:s))) >= :t"
            + " order by sim desc limit :n";
    Query q =
        em.createNativeQuery(sql)
            .setParameter("visit", visitId)
            .setParameter("s", summary)
            .setParameter("t", threshold)
            .setParameter("n", limit);
    if (roots != null) {
      q.setParameter("roots", roots);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows;
  }
}
