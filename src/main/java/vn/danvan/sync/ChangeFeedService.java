package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.UnitScope;

/**
 * The change feed. Entries are ordered by (transaction id, sequence) and served only from
 * transactions older than the oldest one still running ({@code pg_snapshot_xmin}): every such
 * transaction has ended, so no entry can later appear before the reader's position. A transaction
 * that commits late is delivered late, never skipped.
 */
@ApplicationScoped
public class ChangeFeedService {

  private static final String LIST = "changes";

  @Inject EntityManager em;
  @Inject UnitScope scope;

  @Transactional
  public ChangeFeedPage read(String after, List<String> types, PageRequest page) {
    Cursor.Keys position =
        after == null || after.isBlank()
            ? null
            : Cursor.decodeParameter("after", LIST, after, Cursor.KeyType.XID, Cursor.KeyType.LONG);
    String horizon =
        em.createNativeQuery("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
            .getSingleResult()
            .toString();
    StringBuilder sql =
        new StringBuilder(
            // the text form of the transaction id is for the cursor only: named apart, so that
            // "order by" below cannot resolve to it and sort the ids as text (10000 < 9999)
            "select cast(c.txid as text) as cursor_txid, c.seq, c.entity_type, c.entity_id, c.operation,"
                + " c.entity_version, c.unit_id, c.changed_at"
                + " from change_log c where c.txid < cast(:horizon as xid8)");
    Map<String, Object> params = new HashMap<>();
    params.put("horizon", horizon);
    if (position != null) {
      sql.append(" and (c.txid, c.seq) > (cast(:tx as xid8), :seq)");
      params.put("tx", position.xid(0));
      params.put("seq", position.longValue(1));
    }
    if (types != null && !types.isEmpty()) {
      sql.append(" and c.entity_type in (:types)");
      params.put("types", types);
    }
    Optional<UUID> home = scope.restriction();
    if (home.isPresent()) {
      sql.append(" and c.unit_path && cast(:roots as uuid[])");
      params.put("roots", scope.roots());
    }
    sql.append(" order by c.txid, c.seq limit :n");
    params.put("n", page.limit());
    Query query = em.createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    List<ChangeResponse> items = new ArrayList<>();
    String next = after == null || after.isBlank() ? Cursor.encode(LIST, "0", 0) : after;
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      items.add(
          new ChangeResponse(
              (String) r[2],
              (UUID) r[3],
              (String) r[4],
              r[5] == null ? null : ((Number) r[5]).longValue(),
              (UUID) r[6],
              time(r[7])));
      next = Cursor.encode(LIST, r[0], ((Number) r[1]).longValue());
    }
    return new ChangeFeedPage(items, next);
  }

  private static OffsetDateTime time(Object value) {
    return switch (value) {
      case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC);
      case java.time.Instant i -> i.atOffset(ZoneOffset.UTC);
      default -> OffsetDateTime.parse(value.toString());
    };
  }
}
