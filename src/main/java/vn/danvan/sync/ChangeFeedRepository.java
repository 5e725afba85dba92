package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;

/** SQL of the change feed ({@code change_log}). */
@ApplicationScoped
class ChangeFeedRepository {

  /** A position in the feed: a transaction id (as text) and a sequence number. */
  record Position(String txid, long seq) {}

  /** One change-log entry and its position. */
  record Entry(
      Position position,
      String entityType,
      UUID entityId,
      String operation,
      Long entityVersion,
      UUID unitId,
      OffsetDateTime changedAt) {}

  @Inject EntityManager em;

  /** The oldest transaction id still running: every older transaction has ended. */
  String horizon() {
    return em.createNativeQuery("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
        .getSingleResult()
        .toString();
  }

  /**
   * Up to {@code limit} entries of transactions before {@code horizon}, after {@code after} (null:
   * from the start), of {@code types} (empty: all), under {@code roots} (a scope's roots, null when
   * unrestricted), in feed order.
   */
  List<Entry> read(String horizon, Position after, List<String> types, String roots, int limit) {
    SqlWhere where = new SqlWhere().add("c.txid < cast(:horizon as xid8)", "horizon", horizon);
    if (after != null) {
      where
          .add("(c.txid, c.seq) > (cast(:tx as xid8), :seq)")
          .param("tx", after.txid())
          .param("seq", after.seq());
    }
    if (!types.isEmpty()) {
      where.add("c.entity_type in (:types)", "types", types);
    }
    where.addIfPresent("c.unit_path && cast(:roots as uuid[])", "roots", roots);
    List<?> rows =
        where
            .bind(
                em.createNativeQuery(
                    // the text form of the transaction id is for the cursor only: named apart, so
                    // that "order by" below cannot resolve to it and sort the ids as text
                    // (10000 < 9999)
                    "select cast(c.txid as text) as cursor_txid, c.seq, c.entity_type, c.entity_id,"
                        + " c.operation, c.entity_version, c.unit_id, c.changed_at"
                        + " from change_log c where "
                        + where.sql()
                        + " order by c.txid, c.seq limit :n"))
            .setParameter("n", limit)
            .getResultList();
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
}
