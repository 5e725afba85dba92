package vn.danvan.shared.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;

/** SQL of the audit trail ({@code audit_event}) and of the change log ({@code change_log}). */
@ApplicationScoped
class AuditRepository {

  /** The owning unit's latest path, taken when the row is written (call before deleting a unit). */
  private static final String UNIT_PATH =
      "(select v.path from org_unit_version v where v.unit_id = :u order by v.valid_from desc limit 1)";

  /** The actor's home unit's latest path: its auditors read what it did wherever it acted. */
  private static final String ACTOR_UNIT_PATH =
      "(select v.path from org_unit_version v where v.unit_id = :au"
          + " order by v.valid_from desc limit 1)";

  /** Who acted and when: the same for every row a call writes. */
  record Actor(OffsetDateTime at, String username, UUID homeUnitId) {}

  /** One audit event to write; {@code before} and {@code after} are JSON texts. */
  record EventRow(
      String action,
      String entityType,
      UUID entityId,
      UUID unitId,
      String before,
      String after,
      String reason) {}

  /** One created row of a bulk creation; {@code after} is a JSON text. */
  record CreatedRow(UUID id, UUID unitId, long version, String after) {}

  /** One stored audit event; {@code before} and {@code after} are JSON texts. */
  record StoredEvent(
      UUID id,
      OffsetDateTime occurredAt,
      String actor,
      String action,
      String entityType,
      UUID entityId,
      UUID unitId,
      String before,
      String after,
      String reason) {}

  /** The number of distinct entities of one type written. */
  record TypeCount(String entityType, long count) {}

  @Inject EntityManager em;

  void insertEvent(Actor actor, EventRow row) {
    em.createNativeQuery(
            "insert into audit_event (id, occurred_at, actor, action, entity_type, entity_id, unit_id, unit_path,"
                + " actor_unit_path, before, after, reason) values (:id, :at, :actor, :action, :t, :eid, :u, "
                + UNIT_PATH
                + ", "
                + ACTOR_UNIT_PATH
                + ", cast(:b as jsonb), cast(:a as jsonb), :r)")
        .setParameter("id", UUID.randomUUID())
        .setParameter("at", actor.at())
        .setParameter("actor", actor.username())
        .setParameter("au", actor.homeUnitId())
        .setParameter("action", row.action())
        .setParameter("t", row.entityType())
        .setParameter("eid", row.entityId())
        .setParameter("u", row.unitId())
        .setParameter("b", row.before())
        .setParameter("a", row.after())
        .setParameter("r", row.reason())
        .executeUpdate();
  }

  void insertChange(
      String entityType, UUID id, AuditTrail.Operation operation, Long version, UUID unitId) {
    em.createNativeQuery(
            "insert into change_log (entity_type, entity_id, operation, entity_version, unit_id, unit_path)"
                + " values (:t, :id, :op, :v, :u, "
                + UNIT_PATH
                + ")")
        .setParameter("t", entityType)
        .setParameter("id", id)
        .setParameter("op", operation.name())
        .setParameter("v", version)
        .setParameter("u", unitId)
        .executeUpdate();
  }

  /**
   * The CREATE audit events and UPSERT change-log entries of many created rows: two statements over
   * the rows bound as arrays, each owning unit's path looked up once (not once per row).
   */
  void insertCreated(Actor actor, String entityType, List<CreatedRow> rows) {
    em.flush();
    int n = rows.size();
    UUID[] ids = new UUID[n];
    UUID[] units = new UUID[n];
    Long[] versions = new Long[n];
    String[] after = new String[n];
    for (int i = 0; i < n; i++) {
      CreatedRow row = rows.get(i);
      ids[i] = row.id();
      units[i] = row.unitId();
      versions[i] = row.version();
      after[i] = row.after();
    }
    String source =
        " from unnest(?, ?, ?, ?) with ordinality as r(id, unit_id, version, after, ord)"
            + " left join (select u.unit_id, (select v.path from org_unit_version v"
            + " where v.unit_id = u.unit_id order by v.valid_from desc limit 1) as path"
            + " from (select distinct unnest(?::uuid[]) as unit_id) u) p on p.unit_id = r.unit_id"
            + " order by r.ord";
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              java.sql.Array idArray = connection.createArrayOf("uuid", ids);
              java.sql.Array unitArray = connection.createArrayOf("uuid", units);
              java.sql.Array versionArray = connection.createArrayOf("bigint", versions);
              java.sql.Array afterArray = connection.createArrayOf("text", after);
              try (PreparedStatement audit =
                      connection.prepareStatement(
                          "insert into audit_event (id, occurred_at, actor, action, entity_type,"
                              + " entity_id, unit_id, unit_path, actor_unit_path, before, after,"
                              + " reason) select gen_random_uuid(), ?, ?, 'CREATE', ?, r.id,"
                              + " r.unit_id, p.path, "
                              + ACTOR_UNIT_PATH.replace(":au", "?")
                              + ", null, cast(r.after as jsonb), null"
                              + source);
                  PreparedStatement change =
                      connection.prepareStatement(
                          "insert into change_log (entity_type, entity_id, operation,"
                              + " entity_version, unit_id, unit_path) select ?, r.id, 'UPSERT',"
                              + " r.version, r.unit_id, p.path"
                              + source)) {
                int i = 1;
                audit.setObject(i++, actor.at());
                audit.setString(i++, actor.username());
                audit.setString(i++, entityType);
                audit.setObject(i++, actor.homeUnitId(), java.sql.Types.OTHER);
                bindRows(audit, i, idArray, unitArray, versionArray, afterArray);
                audit.executeUpdate();
                change.setString(1, entityType);
                bindRows(change, 2, idArray, unitArray, versionArray, afterArray);
                change.executeUpdate();
              }
            });
  }

  private static void bindRows(
      PreparedStatement statement,
      int first,
      java.sql.Array ids,
      java.sql.Array units,
      java.sql.Array versions,
      java.sql.Array after)
      throws java.sql.SQLException {
    statement.setArray(first, ids);
    statement.setArray(first + 1, units);
    statement.setArray(first + 2, versions);
    statement.setArray(first + 3, after);
    statement.setArray(first + 4, units);
  }

  /**
   * The audit events and change-log entries of many changes of one kind, in two statements; {@code
   * rowsJson} is a JSON array of {@code {ord, id, unit_id, version, before, after}}.
   */
  void insertAll(
      Actor actor,
      String action,
      String entityType,
      AuditTrail.Operation operation,
      String rowsJson,
      String reason) {
    // the rows once, each owning unit's path once
    String with =
        "with x as materialized (select * from jsonb_to_recordset(cast(:rows as jsonb))"
            + " as x(ord int, id uuid, unit_id uuid, version bigint, before jsonb, after jsonb)),"
            + " p as (select u.unit_id, (select v.path from org_unit_version v"
            + " where v.unit_id = u.unit_id order by v.valid_from desc limit 1) as path"
            + " from (select distinct unit_id from x) u) ";
    String source = " from x left join p on p.unit_id = x.unit_id order by x.ord";
    em.createNativeQuery(
            with
                + "insert into audit_event (id, occurred_at, actor, action, entity_type, entity_id, unit_id, unit_path,"
                + " actor_unit_path, before, after, reason) select gen_random_uuid(), :at, :actor, :action,"
                + " :t, x.id, x.unit_id, p.path, "
                + ACTOR_UNIT_PATH
                + ", x.before, x.after, :r"
                + source)
        .setParameter("rows", rowsJson)
        .setParameter("at", actor.at())
        .setParameter("actor", actor.username())
        .setParameter("au", actor.homeUnitId())
        .setParameter("action", action)
        .setParameter("t", entityType)
        .setParameter("r", reason)
        .executeUpdate();
    em.createNativeQuery(
            with
                + "insert into change_log (entity_type, entity_id, operation, entity_version, unit_id, unit_path)"
                + " select :t, x.id, :op, x.version, x.unit_id, p.path"
                + source)
        .setParameter("rows", rowsJson)
        .setParameter("t", entityType)
        .setParameter("op", operation.name())
        .executeUpdate();
  }

  /**
   * A page of audit events, newest first; {@code roots} (a scope's roots, null when unrestricted)
   * keeps the events of records in the scope and of the scope's people.
   */
  List<StoredEvent> find(AuditEventQuery query, UUID[] roots, Cursor.Keys after, int fetchSize) {
    SqlWhere where = new SqlWhere();
    if (roots != null) {
      where.add(
          "unit_path && cast(:roots as uuid[]) or actor_unit_path && cast(:roots as uuid[])",
          "roots",
          roots);
    }
    where
        .addIfPresent("entity_type = :type", "type", query.entityType())
        .addIfPresent("entity_id = :eid", "eid", query.entityId())
        .addIfPresent("actor = :actor", "actor", query.actor())
        .addIfPresent("occurred_at >= :from", "from", query.from())
        .addIfPresent("occurred_at < :to", "to", query.to());
    if (after != null) {
      where
          .add("(occurred_at, id) < (:cAt, :cId)")
          .param("cAt", after.offsetDateTime(0))
          .param("cId", after.uuid(1));
    }
    List<?> rows =
        where
            .bind(
                em.createNativeQuery(
                    "select id, occurred_at, actor, action, entity_type, entity_id, unit_id,"
                        + " cast(before as text), cast(after as text), reason from audit_event"
                        + " where "
                        + where.sql()
                        + " order by occurred_at desc, id desc limit :n"))
            .setParameter("n", fetchSize)
            .getResultList();
    List<StoredEvent> events = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      events.add(
          new StoredEvent(
              (UUID) r[0],
              PgTypes.timestamp(PgTypes.instant(r[1])),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (UUID) r[5],
              (UUID) r[6],
              (String) r[7],
              (String) r[8],
              (String) r[9]));
    }
    return events;
  }

  /** The entities the current transaction wrote, by type (one index range of the change log). */
  List<TypeCount> countsOfCurrentTransaction() {
    em.flush();
    List<?> rows =
        em.createNativeQuery(
                """
                select entity_type, count(distinct entity_id) from change_log
                 where txid = pg_current_xact_id()
                 group by entity_type order by entity_type
                """)
            .getResultList();
    return rows.stream()
        .map(o -> (Object[]) o)
        .map(r -> new TypeCount((String) r[0], PgTypes.longValue(r[1])))
        .toList();
  }
}
