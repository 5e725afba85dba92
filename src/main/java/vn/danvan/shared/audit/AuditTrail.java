package vn.danvan.shared.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;
import vn.danvan.shared.security.CurrentUser;

/**
 * Records every mutation twice, in the caller's transaction: an audit event (who, when, what,
 * before and after) and a change-log entry for the change feed. Callers pass API views (records),
 * never entities, and must pass redacted views where a record carries protected personal data.
 */
@ApplicationScoped
public class AuditTrail {

  /** What a change-log entry says happened to the record. */
  @Schema(
      name = "ChangeOperation",
      description =
          "UPSERT: bản ghi được tạo hoặc sửa; DELETE: bản ghi đã bị xóa; nhãn tại GET"
              + " /api/v1/reference/enums.",
      examples = "UPSERT")
  public enum Operation implements LabeledEnum {
    UPSERT,
    DELETE
  }

  @Inject AuditRepository repository;
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
    List<AuditRepository.CreatedRow> created = new ArrayList<>(rows.size());
    for (Created row : rows) {
      created.add(
          new AuditRepository.CreatedRow(row.id(), row.unitId(), row.version(), json(row.after())));
    }
    repository.insertCreated(actor(), entityType, created);
  }

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
    repository.insertAll(actor(), action, entityType, operation, json(rows), reason);
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
    repository.insertChange(entityType, id, operation, version, unitId);
  }

  private void insertAudit(
      String action,
      String entityType,
      UUID id,
      UUID unitId,
      Object before,
      Object after,
      String reason) {
    repository.insertEvent(
        actor(),
        new AuditRepository.EventRow(
            action, entityType, id, unitId, json(before), json(after), reason));
  }

  private AuditRepository.Actor actor() {
    return new AuditRepository.Actor(
        OffsetDateTime.now(clock), user.username(), user.homeUnitId().orElse(null));
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
