package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/** SQL of the change feed ({@code change_log}). */
@ApplicationScoped
class ChangeFeedRepository {

  /** A position in the feed: a transaction id (as text) and a sequence number. */
  record Position(String txid, long seq) {}

  /**
   * The feed's bounds now: {@code horizon}, the oldest transaction id still running (every older
   * transaction has ended), and {@code next}, the next id to be assigned (no position lies beyond).
   */
  record Bounds(String horizon, String next) {}

  /** One change-log entry and its position. */
  record Entry(
      Position position,
      String entityType,
      UUID entityId,
      String operation,
      Long entityVersion,
      UUID unitId,
      OffsetDateTime changedAt) {}

  private static final String COLUMNS =
      "c.seq, c.entity_type, c.entity_id, c.operation, c.entity_version, c.unit_id, c.changed_at";

  private static final String OUTER_COLUMNS =
      "seq, entity_type, entity_id, operation, entity_version, unit_id, changed_at";

  @Inject EntityManager em;

  /** The identity of this installation's feed (migration V29). */
  UUID origin() {
    return PgTypes.uuid(
        em.createNativeQuery("select id from change_feed_origin").getSingleResult());
  }

  Bounds bounds() {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select cast(pg_snapshot_xmin(s) as text), cast(pg_snapshot_xmax(s) as text)"
                        + " from pg_current_snapshot() s")
                .getSingleResult();
    return new Bounds((String) r[0], (String) r[1]);
  }

  /**
   * Up to {@code limit} entries of transactions before {@code horizon}, after {@code after} (null:
   * from the start), matching {@code query}, under {@code roots} (a scope's roots, null when
   * unrestricted), in feed order. Several types are read as one ordered index range per type
   * ({@code change_log_type}), each stopping after the page, merged: never a sort of every entry of
   * the types.
   */
  List<Entry> read(String horizon, Position after, ChangeFeedQuery query, UUID[] roots, int limit) {
    List<?> rows = query("", horizon, after, query, roots, limit).getResultList();
    return rows.stream()
        .map(o -> (Object[]) o)
        .map(
            r ->
                new Entry(
                    new Position((String) r[0], PgTypes.longValue(r[1])),
                    (String) r[2],
                    PgTypes.uuid(r[3]),
                    (String) r[4],
                    r[5] == null ? null : PgTypes.longValue(r[5]),
                    PgTypes.uuid(r[6]),
                    PgTypes.timestamp(PgTypes.instant(r[7]))))
        .toList();
  }

  /** The executed plan of {@link #read} (for benchmarks and reports). */
  List<String> plan(
      String horizon, Position after, ChangeFeedQuery query, UUID[] roots, int limit) {
    return query("explain (analyze, buffers, costs off) ", horizon, after, query, roots, limit)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  private jakarta.persistence.Query query(
      String prefix,
      String horizon,
      Position after,
      ChangeFeedQuery query,
      UUID[] roots,
      int limit) {
    SqlWhere where = new SqlWhere().add("c.txid < cast(:horizon as xid8)", "horizon", horizon);
    if (after != null) {
      where
          .add("(c.txid, c.seq) > (cast(:tx as xid8), :seq)")
          .param("tx", after.txid())
          .param("seq", after.seq());
    }
    UnitFilter.apply(where, "c.unit_id", "c.unit_path", query.unitId(), query.mode());
    where.addIfPresent("c.unit_path && cast(:roots as uuid[])", "roots", roots);
    // the text form of the transaction id is for the cursor only: named apart, so that "order by"
    // cannot resolve to it and sort the ids as text (10000 < 9999)
    String from = " from change_log c where " + where.sql();
    String select = "select cast(c.txid as text) as cursor_txid, " + COLUMNS + from;
    String sql;
    List<String> types = query.types();
    if (types.isEmpty()) {
      sql = select + " order by c.txid, c.seq limit :n";
    } else if (types.size() == 1) {
      sql = select + " and c.entity_type = :t0 order by c.txid, c.seq limit :n";
    } else {
      // each branch also selects the xid8 itself to merge by; only the text form leaves the query
      List<String> branches = new ArrayList<>(types.size());
      for (int i = 0; i < types.size(); i++) {
        branches.add(
            "(select cast(c.txid as text) as cursor_txid, c.txid, "
                + COLUMNS
                + from
                + " and c.entity_type = :t"
                + i
                + " order by c.txid, c.seq limit :n)");
      }
      sql =
          "select cursor_txid, "
              + OUTER_COLUMNS
              + " from ("
              + String.join(" union all ", branches)
              + ") u order by u.txid, u.seq limit :n";
    }
    var q = where.bind(em.createNativeQuery(prefix + sql)).setParameter("n", limit);
    for (int i = 0; i < types.size(); i++) {
      q.setParameter("t" + i, types.get(i));
    }
    return q;
  }
}
