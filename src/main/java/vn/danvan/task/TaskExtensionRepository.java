package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of extension requests (task_extension). */
@ApplicationScoped
class TaskExtensionRepository {

  private static final String COLUMNS =
      "id, task_id, requested_due_date, previous_due_date, reason, status, requested_by, requested_at,"
          + " decided_by, decided_at, decision_note, version";

  @Inject EntityManager em;

  void insert(ExtensionResponse e) {
    em.createNativeQuery(
            "insert into task_extension ("
                + COLUMNS
                + ") values (:id, :t, :req, :prev, :reason, 'PENDING', :by, :at, null, null, null, 0)")
        .setParameter("id", e.id())
        .setParameter("t", e.taskId())
        .setParameter("req", e.requestedDueDate())
        .setParameter("prev", e.previousDueDate())
        .setParameter("reason", e.reason())
        .setParameter("by", e.requestedBy())
        .setParameter("at", PgTypes.timestamp(e.requestedAt()))
        .executeUpdate();
  }

  boolean hasPending(UUID taskId) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from task_extension where task_id = :t and status = 'PENDING')")
            .setParameter("t", taskId)
            .getSingleResult();
  }

  /** The requests of a task (or only {@code onlyId}, locked), newest first. */
  List<ExtensionResponse> list(UUID taskId, UUID onlyId) {
    Query q =
        em.createNativeQuery(
            "select "
                + COLUMNS
                + " from task_extension where task_id = :t"
                + (onlyId != null ? " and id = :id" : "")
                + " order by requested_at desc, id desc"
                + (onlyId != null ? " for update" : ""));
    q.setParameter("t", taskId);
    if (onlyId != null) {
      q.setParameter("id", onlyId);
    }
    return rows(q.getResultList());
  }

  /** The requests of {@code ids} that exist: one query. */
  List<ExtensionResponse> byIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return rows(
        em.createNativeQuery(
                "select " + COLUMNS + " from task_extension where id = any(cast(:ids as uuid[]))")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .getResultList());
  }

  private static List<ExtensionResponse> rows(List<?> result) {
    List<ExtensionResponse> out = new ArrayList<>();
    for (Object o : result) {
      Object[] r = (Object[]) o;
      out.add(
          new ExtensionResponse(
              (UUID) r[0],
              (UUID) r[1],
              PgTypes.toDate(r[2]),
              PgTypes.toDate(r[3]),
              (String) r[4],
              ExtensionStatus.valueOf((String) r[5]),
              (String) r[6],
              PgTypes.instant(r[7]),
              (String) r[8],
              PgTypes.instant(r[9]),
              (String) r[10],
              PgTypes.longValue(r[11])));
    }
    return out;
  }

  void decide(UUID id, ExtensionStatus status, String by, Instant at, String note) {
    em.createNativeQuery(
            "update task_extension set status = :s, decided_by = :by, decided_at = :at,"
                + " decision_note = :n, version = version + 1 where id = :id")
        .setParameter("s", status.name())
        .setParameter("by", by)
        .setParameter("at", PgTypes.timestamp(at))
        .setParameter("n", note)
        .setParameter("id", id)
        .executeUpdate();
  }
}
