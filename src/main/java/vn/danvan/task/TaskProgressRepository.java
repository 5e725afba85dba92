package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of progress reports: the append-only history of task_progress. */
@ApplicationScoped
class TaskProgressRepository {

  @Inject EntityManager em;

  void insert(ProgressUpdateResponse p) {
    em.createNativeQuery(
            "insert into task_progress (id, task_id, percent, note, reported_by, reported_at)"
                + " values (:id, :t, :p, :n, :by, :at)")
        .setParameter("id", p.id())
        .setParameter("t", p.taskId())
        .setParameter("p", p.percent())
        .setParameter("n", p.note())
        .setParameter("by", p.reportedBy())
        .setParameter("at", PgTypes.timestamp(p.reportedAt()))
        .executeUpdate();
  }

  boolean exists(UUID taskId, UUID progressId) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from task_progress where id = :id and task_id = :t)")
            .setParameter("id", progressId)
            .setParameter("t", taskId)
            .getSingleResult();
  }

  /** A page of the reports of {@code query}'s task, newest first. */
  List<ProgressUpdateResponse> page(
      TaskProgressService.ProgressQuery query, OffsetDateTime afterAt, UUID afterId, int fetch) {
    Query q =
        em.createNativeQuery(
            "select id, task_id, percent, note, reported_by, reported_at from task_progress"
                + " where task_id = :t"
                + (afterId != null ? " and (reported_at, id) < (:at, :id)" : "")
                + " order by reported_at desc, id desc limit :fetch");
    q.setParameter("t", query.taskId()).setParameter("fetch", fetch);
    if (afterId != null) {
      q.setParameter("at", afterAt).setParameter("id", afterId);
    }
    List<ProgressUpdateResponse> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new ProgressUpdateResponse(
              (UUID) r[0],
              (UUID) r[1],
              PgTypes.intValue(r[2]),
              (String) r[3],
              (String) r[4],
              PgTypes.instant(r[5])));
    }
    return out;
  }
}
