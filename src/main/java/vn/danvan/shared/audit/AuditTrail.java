package vn.danvan.shared.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import vn.danvan.shared.security.CurrentUser;

/**
 * Records every mutation twice, in the caller's transaction: an audit event (who, when, what,
 * before and after) and a change-log entry for the change feed. Callers pass API views (records),
 * never entities, and must pass redacted views where a record carries protected personal data.
 */
@ApplicationScoped
public class AuditTrail {

  public enum Operation {
    UPSERT,
    DELETE
  }

  /** The owning unit's latest path, taken when the row is written (call before deleting a unit). */
  private static final String UNIT_PATH =
      "(select v.path from org_unit_version v where v.unit_id = :u order by v.valid_from desc limit 1)";

  /** The actor's home unit's latest path: its auditors read what it did wherever it acted. */
  private static final String ACTOR_UNIT_PATH =
      "(select v.path from org_unit_version v where v.unit_id = :au"
          + " order by v.valid_from desc limit 1)";

  @Inject EntityManager em;
  @Inject CurrentUser user;
  @Inject ObjectMapper mapper;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public void created(String entityType, UUID id, UUID unitId, long version, Object after) {
    record("CREATE", entityType, id, unitId, Operation.UPSERT, version, null, after, null);
  }

  /** One created row of {@link #createdAll}. */
  public record Created(UUID id, UUID unitId, long version, Object after) {}

  /**
   * The audit events and change-log entries of many created rows (a bulk creation), one per row as
   * {@link #created} writes them, sent to the database in JDBC batches rather than row by row.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void createdAll(String entityType, List<Created> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.flush();
    OffsetDateTime at = OffsetDateTime.now(clock);
    String actor = user.username();
    UUID actorUnit = user.homeUnitId().orElse(null);
    List<String> after = new ArrayList<>(rows.size());
    for (Created row : rows) {
      after.add(json(row.after()));
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement audit =
                      connection.prepareStatement(
                          "insert into audit_event (id, occurred_at, actor, action, entity_type,"
                              + " entity_id, unit_id, unit_path, actor_unit_path, before, after,"
                              + " reason) values (?, ?, ?, 'CREATE', ?, ?, ?, "
                              + UNIT_PATH.replace(":u", "?")
                              + ", "
                              + ACTOR_UNIT_PATH.replace(":au", "?")
                              + ", null, cast(? as jsonb), null)");
                  PreparedStatement change =
                      connection.prepareStatement(
                          "insert into change_log (entity_type, entity_id, operation,"
                              + " entity_version, unit_id, unit_path) values (?, ?, 'UPSERT', ?, ?, "
                              + UNIT_PATH.replace(":u", "?")
                              + ")")) {
                for (int i = 0; i < rows.size(); i++) {
                  Created row = rows.get(i);
                  audit.setObject(1, UUID.randomUUID());
                  audit.setObject(2, at);
                  audit.setString(3, actor);
                  audit.setString(4, entityType);
                  audit.setObject(5, row.id());
                  audit.setObject(6, row.unitId());
                  audit.setObject(7, row.unitId());
                  audit.setObject(8, actorUnit, java.sql.Types.OTHER);
                  audit.setString(9, after.get(i));
                  audit.addBatch();
                  change.setString(1, entityType);
                  change.setObject(2, row.id());
                  change.setLong(3, row.version());
                  change.setObject(4, row.unitId());
                  change.setObject(5, row.unitId());
                  change.addBatch();
                  if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                    audit.executeBatch();
                    change.executeBatch();
                  }
                }
              }
            });
  }

  private static final int BATCH = 500;

  @Transactional(Transactional.TxType.MANDATORY)
  public void updated(
      String entityType, UUID id, UUID unitId, long version, Object before, Object after) {
    record("UPDATE", entityType, id, unitId, Operation.UPSERT, version, before, after, null);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void deleted(String entityType, UUID id, UUID unitId, Object before) {
    record("DELETE", entityType, id, unitId, Operation.DELETE, null, before, null, null);
  }

  /** A named state change (a transition, a restructuring) of a resource that still exists. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void action(
      String action,
      String entityType,
      UUID id,
      UUID unitId,
      long version,
      Object before,
      Object after,
      String reason) {
    record(action, entityType, id, unitId, Operation.UPSERT, version, before, after, reason);
  }

  /**
   * One row of {@link #recordAll}: the entity, its owning unit, its version after the change (null
   * for a deletion) and the views before and after it.
   */
  public record Change(UUID id, UUID unitId, Long version, Object before, Object after) {}

  /**
   * Records many changes of one kind at once (bulk and cascaded updates): one statement writes the
   * audit events, one the change-log entries, with the same row shapes as the single-row methods,
   * in the order given. Typical use: {@code update ... returning id, version, unit_id}, then pass
   * the returned rows here.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(
      String action, String entityType, Operation operation, List<Change> changes, String reason) {
    if (changes.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ord", i);
      row.put("id", c.id());
      // absent keys, not JSON nulls, become SQL nulls
      putIfPresent(row, "unit_id", c.unitId());
      putIfPresent(row, "version", operation == Operation.DELETE ? null : c.version());
      putIfPresent(row, "before", c.before());
      putIfPresent(row, "after", c.after());
      rows.add(row);
    }
    String source =
        " from jsonb_to_recordset(cast(:rows as jsonb))"
            + " as x(ord int, id uuid, unit_id uuid, version bigint, before jsonb, after jsonb)"
            + " left join lateral (select v.path from org_unit_version v where v.unit_id = x.unit_id"
            + " order by v.valid_from desc limit 1) p on true order by x.ord";
    String json = json(rows);
    em.createNativeQuery(
            "insert into audit_event (id, occurred_at, actor, action, entity_type, entity_id, unit_id, unit_path,"
                + " actor_unit_path, before, after, reason) select gen_random_uuid(), :at, :actor, :action,"
                + " :t, x.id, x.unit_id, p.path, "
                + ACTOR_UNIT_PATH
                + ", x.before, x.after, :r"
                + source)
        .setParameter("rows", json)
        .setParameter("at", OffsetDateTime.now(clock))
        .setParameter("actor", user.username())
        .setParameter("au", user.homeUnitId().orElse(null))
        .setParameter("action", action)
        .setParameter("t", entityType)
        .setParameter("r", reason)
        .executeUpdate();
    em.createNativeQuery(
            "insert into change_log (entity_type, entity_id, operation, entity_version, unit_id, unit_path)"
                + " select :t, x.id, :op, x.version, x.unit_id, p.path"
                + source)
        .setParameter("rows", json)
        .setParameter("t", entityType)
        .setParameter("op", operation.name())
        .executeUpdate();
  }

  private static void putIfPresent(Map<String, Object> row, String key, Object value) {
    if (value != null) {
      row.put(key, value);
    }
  }

  /** An access worth auditing that changes nothing (e.g. reading a protected identity). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void accessed(String action, String entityType, UUID id, UUID unitId, String reason) {
    insertAudit(action, entityType, id, unitId, null, null, reason);
  }

  private void record(
      String action,
      String entityType,
      UUID id,
      UUID unitId,
      Operation operation,
      Long version,
      Object before,
      Object after,
      String reason) {
    insertAudit(action, entityType, id, unitId, before, after, reason);
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

  private void insertAudit(
      String action,
      String entityType,
      UUID id,
      UUID unitId,
      Object before,
      Object after,
      String reason) {
    em.createNativeQuery(
            "insert into audit_event (id, occurred_at, actor, action, entity_type, entity_id, unit_id, unit_path,"
                + " actor_unit_path, before, after, reason) values (:id, :at, :actor, :action, :t, :eid, :u, "
                + UNIT_PATH
                + ", "
                + ACTOR_UNIT_PATH
                + ", cast(:b as jsonb), cast(:a as jsonb), :r)")
        .setParameter("id", UUID.randomUUID())
        .setParameter("at", OffsetDateTime.now(clock))
        .setParameter("actor", user.username())
        .setParameter("au", user.homeUnitId().orElse(null))
        .setParameter("action", action)
        .setParameter("t", entityType)
        .setParameter("eid", id)
        .setParameter("u", unitId)
        .setParameter("b", json(before))
        .setParameter("a", json(after))
        .setParameter("r", reason)
        .executeUpdate();
  }

  private String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Audit view not serializable: " + value.getClass().getName(), e);
    }
  }
}
